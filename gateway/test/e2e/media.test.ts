import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@cip/platform/testing';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, addStaff, addVehicle, must, signUp, type SeededOrg } from '../support/seed';

let platform: TestPlatform;
let org: SeededOrg;
let technician: { token: string };
let publicUrl: string;

beforeAll(async () => {
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  platform = await startTestPlatform({ only: ['shops', 'vehicles', 'inspections'], gatewayPort: port, configOverrides: { PUBLIC_URL: publicUrl } });
  org = await signUp(platform, 'Photo Finish Auto');
  technician = await addStaff(platform, org, 'TECHNICIAN');
});
afterAll(() => platform?.close());

describe('media through the gateway', () => {
  it("uploads and reads a photo at the gateway's public URL on local disk, and no answer names the subgraph's address", async () => {
    const answers: string[] = [];
    const call = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const result = await platform.execute(query, variables, { token });
      answers.push(JSON.stringify(result.data ?? result.errors), JSON.stringify([...result.headers]));
      return must(result);
    };
    const customerId = await addCustomer(platform, org.ownerToken, org.shopId, 'Pat');
    const { startInspection: started } = await call(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`, {
      input: { shopId: org.shopId, vehicleId: await addVehicle(platform, org.ownerToken, org.shopId, customerId), customerId, templateId: 'tpl_standard' },
    }, technician.token);
    const photo = Buffer.from('JPEG bytes of a tire worn to the cords');
    const { requestMediaUpload: upload } = await call(
      `mutation($id: ID!, $input: InspectionMediaUploadInput!) { requestMediaUpload(inspectionId: $id, input: $input) { url method headers { name value } } }`,
      { id: started.id, input: { itemKey: 'tires.lf_tread', kind: 'PHOTO', contentType: 'image/jpeg', byteSize: photo.length } },
      technician.token,
    );
    expect(upload.url.startsWith(`${publicUrl}/media/`)).toBe(true);
    const headers = Object.fromEntries(upload.headers.map((h: { name: string; value: string }) => [h.name, h.value]));
    const put = await fetch(upload.url, { method: upload.method, headers, body: photo });
    expect(put.status).toBe(204);
    answers.push(JSON.stringify([...put.headers]));

    const { inspection } = await call(`query($id: ID!) { inspection(id: $id) { items { key media { uploaded url } } } }`, { id: started.id }, technician.token);
    const [media] = inspection.items.find((i: { key: string }) => i.key === 'tires.lf_tread').media;
    expect(media.uploaded).toBe(true);
    expect(media.url.startsWith(`${publicUrl}/media/`)).toBe(true);
    const read = await fetch(media.url);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await read.arrayBuffer())).toEqual(photo);
    answers.push(JSON.stringify([...read.headers]));
    expect((await fetch(media.url.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);

    const internal = new URL(platform.subgraphs.inspections!.url).host;
    expect(answers.filter((answer) => answer.includes(internal))).toEqual([]);
  });
});
