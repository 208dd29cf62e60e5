import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegPhoto } from '@cip/inspections/testing/photos';
import { startS3Server, type TestS3Server } from '@cip/inspections/testing/s3';
import { freePort } from '@cip/platform/testing';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, addStaff, addVehicle, must, signUp, type SeededOrg } from '../support/seed';

describe.each([
  ['local disk', async () => null],
  ['an S3-compatible server', () => startS3Server()],
])("media through the gateway's public URL on %s", (_name, startStore: () => Promise<TestS3Server | null>) => {
  let s3: TestS3Server | null;
  let platform: TestPlatform;
  let org: SeededOrg;
  let technician: { token: string };
  let publicUrl: string;

  beforeAll(async () => {
    s3 = await startStore();
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    platform = await startTestPlatform({ only: ['shops', 'vehicles', 'inspections'], gatewayPort: port, configOverrides: { PUBLIC_URL: publicUrl, ...s3?.settings } });
    org = await signUp(platform, 'Photo Finish Auto');
    technician = await addStaff(platform, org, 'TECHNICIAN');
  });
  afterAll(async () => {
    await platform?.close();
    await s3?.close();
  });

  it('uploads a photo and reads it and its web-sized copies, and no answer names an internal address', async () => {
    const answers: string[] = [];
    const record = (response: Response, body: string) => answers.push(body, JSON.stringify([...response.headers]));
    const call = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const result = await platform.execute(query, variables, { token });
      answers.push(JSON.stringify(result.data ?? result.errors), JSON.stringify([...result.headers]));
      return must(result);
    };
    const photo = await jpegPhoto();
    const customerId = await addCustomer(platform, org.ownerToken, org.shopId, 'Pat');
    const { startInspection: started } = await call(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`, {
      input: { shopId: org.shopId, vehicleId: await addVehicle(platform, org.ownerToken, org.shopId, customerId), customerId, templateId: 'tpl_standard' },
    }, technician.token);
    const { requestMediaUpload: upload } = await call(
      `mutation($id: ID!, $input: InspectionMediaUploadInput!) { requestMediaUpload(inspectionId: $id, input: $input) { url method headers { name value } media { storageKey } } }`,
      { id: started.id, input: { itemKey: 'tires.lf_tread', kind: 'PHOTO', contentType: 'image/jpeg', byteSize: photo.length } },
      technician.token,
    );
    expect(upload.url.startsWith(`${publicUrl}/media/`)).toBe(true);
    const headers = Object.fromEntries(upload.headers.map((h: { name: string; value: string }) => [h.name, h.value]));
    const refused = await fetch(upload.url, { method: upload.method, headers, body: Buffer.from('x'.repeat(photo.length)) });
    record(refused, await refused.text());
    expect(refused.status).toBe(415);
    const put = await fetch(upload.url, { method: upload.method, headers, body: photo });
    record(put, await put.text());
    expect(put.status).toBe(204);
    const key = upload.media.storageKey;
    if (s3) expect(await s3.keys(key)).toEqual([key, `${key}.display`, `${key}.thumbnail`]);

    const { inspection } = await call(`query($id: ID!) { inspection(id: $id) { items { key media { uploaded url variants { size url width } } } } }`, { id: started.id }, technician.token);
    const [media] = inspection.items.find((i: { key: string }) => i.key === 'tires.lf_tread').media;
    expect(media.uploaded).toBe(true);
    expect(media.url.startsWith(`${publicUrl}/media/`)).toBe(true);
    const read = await fetch(media.url);
    const bytes = Buffer.from(await read.arrayBuffer());
    record(read, bytes.toString('latin1'));
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('image/jpeg');
    expect(bytes).toEqual(photo);
    expect(media.variants.map((v: { size: string }) => v.size)).toEqual(['THUMBNAIL', 'DISPLAY']);
    for (const variant of media.variants) {
      expect(variant.url.startsWith(`${publicUrl}/media/`)).toBe(true);
      const copy = await fetch(variant.url);
      const copyBytes = Buffer.from(await copy.arrayBuffer());
      record(copy, copyBytes.toString('latin1'));
      expect({ status: copy.status, type: copy.headers.get('content-type'), webp: copyBytes.subarray(8, 12).toString('latin1') }).toEqual({ status: 200, type: 'image/webp', webp: 'WEBP' });
    }
    const forged = await fetch(media.url.replace(/sig=[^&]+/, 'sig=forged'));
    record(forged, await forged.text());
    expect(forged.status).toBe(403);

    const internal = [new URL(platform.subgraphs.inspections!.url).host, ...(s3 ? [s3.host] : [])];
    expect(answers.filter((answer) => internal.some((host) => answer.includes(host)))).toEqual([]);
    const origins = answers.flatMap((answer) => answer.match(/https?:\/\/[^\s"'\\/]+/g) ?? []).map((url) => new URL(url).origin);
    expect(new Set(origins)).toEqual(new Set([publicUrl]));
  });
});
