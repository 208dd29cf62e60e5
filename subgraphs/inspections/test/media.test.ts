import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '@cip/platform/testing';
import { createInspectionsSubgraph } from '../src/app';
import { must, seedShop, startInspection, type SeededShop } from './seed';

let inspections: TestSubgraph;
let shop: SeededShop;

beforeAll(async () => {
  inspections = await startTestSubgraph(createInspectionsSubgraph({ checkReferences: false }));
  shop = await seedShop();
});
afterAll(() => inspections?.close());

const requestUpload = `mutation($id: ID!, $input: InspectionMediaUploadInput!) {
  requestMediaUpload(inspectionId: $id, input: $input) { url method headers { name value } expiresAt media { id storageKey uploaded url } }
}`;

/** Sends a request to the subgraph's own routes in-process, keeping only path and query of the signed URL. */
function send(url: string, init: RequestInit) {
  const { pathname, search } = new URL(url);
  return inspections.app.yoga.fetch(`http://subgraph.test${pathname}${search}`, init);
}

describe('media', () => {
  it('is uploaded through a signed URL to local storage and read back through another', async () => {
    const started = await startInspection(inspections, shop);
    const photo = Buffer.from('a jpeg of a worn tire, pretending');
    const upload = must(await inspections.execute(requestUpload, { id: started.id, input: { itemKey: 'tires.lf_tread', kind: 'PHOTO', contentType: 'image/jpeg', byteSize: photo.length, caption: 'Inner edge' } }, { token: shop.technician.token })).requestMediaUpload;
    expect(upload).toMatchObject({ method: 'PUT', media: { uploaded: false, url: null, storageKey: expect.stringMatching(new RegExp(`^${shop.shopId}/${started.id}/[0-9a-f-]{36}$`)) } });
    expect(new URL(upload.url).searchParams.get('sig')).toBeTruthy();

    const headers = Object.fromEntries(upload.headers.map((h: any) => [h.name, h.value]));
    const tampered = upload.url.replace(/size=\d+/, 'size=999999');
    expect((await send(tampered, { method: 'PUT', headers, body: photo })).status).toBe(403);
    expect((await send(upload.url, { method: 'PUT', headers, body: Buffer.concat([photo, photo]) })).status).toBe(413);
    expect((await send(upload.url, { method: 'PUT', headers, body: photo })).status).toBe(204);

    const item = must(await inspections.execute(`query($id: ID!) { inspection(id: $id) { items { key media { kind caption uploaded url byteSize } } } }`, { id: started.id }, { token: shop.advisor.token }))
      .inspection.items.find((i: any) => i.key === 'tires.lf_tread');
    expect(item.media).toMatchObject([{ kind: 'PHOTO', caption: 'Inner edge', uploaded: true, byteSize: photo.length }]);
    const read = await send(item.media[0].url, { method: 'GET' });
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await read.arrayBuffer())).toEqual(photo);
    expect((await send(item.media[0].url.replace(/sig=[^&]+/, 'sig=forged'), { method: 'GET' })).status).toBe(403);
  });

  it('refuses an upload URL after it expired', async () => {
    const started = await startInspection(inspections, shop);
    const upload = must(await inspections.execute(requestUpload, { id: started.id, input: { itemKey: 'brakes.rotors', kind: 'VIDEO', contentType: 'video/mp4', byteSize: 4 } }, { token: shop.technician.token })).requestMediaUpload;
    const expired = new URL(upload.url);
    expired.searchParams.set('expires', String(Math.floor(Date.now() / 1000) - 1));
    const response = await send(expired.toString(), { method: 'PUT', headers: { 'content-type': 'video/mp4' }, body: Buffer.from('abcd') });
    expect(response.status).toBe(403);
  });
});
