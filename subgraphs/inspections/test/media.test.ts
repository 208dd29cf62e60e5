import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testConfig, type TestSubgraph } from '@cip/platform/testing';
import { createInspectionsSubgraph } from '../src/app';
import { createRepositories } from '../src/data/repositories';
import { MediaLibrary } from '../src/domain/media';
import { configuredStore } from '../src/storage/configured';
import { signedMediaUrls } from '../src/storage/signed-urls';
import sharp from 'sharp';
import { exifMarker, jpegPhoto, phonePhoto, pngImage } from './photos';
import { startS3Server, type TestS3Server } from './s3-server';
import { must, openShare, priceMutation, runToCompleted, seedShop, startInspection, type SeededShop } from './seed';

const requestUpload = `mutation($id: ID!, $input: InspectionMediaUploadInput!) {
  requestMediaUpload(inspectionId: $id, input: $input) { url method headers { name value } expiresAt media { id storageKey uploaded url } }
}`;
const itemMedia = `query($id: ID!) { inspection(id: $id) { items { key media { kind caption uploaded url byteSize } } } }`;

interface Store {
  settings: Record<string, string>;
  /** The keys stored under `prefix`, read from the store itself (the bucket, or the directory). */
  keys(prefix: string): Promise<string[]>;
  close(): Promise<void>;
}

async function localDisk(): Promise<Store> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cip-media-'));
  const root = join(dataDir, 'inspection-media');
  return {
    settings: { DATA_DIR: dataDir },
    async keys(prefix) {
      if (!existsSync(root)) return [];
      const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
      return files.map((file) => join(file.parentPath, file.name).slice(root.length + 1)).filter((key) => key.startsWith(prefix)).sort();
    },
    async close() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function s3(): Promise<Store> {
  const server: TestS3Server = await startS3Server();
  return { settings: server.settings, keys: (prefix) => server.keys(prefix), close: () => server.close() };
}

describe.each([
  ['local disk', localDisk],
  ['an S3-compatible server', s3],
])('media on %s', (_name, startStore) => {
  let store: Store;
  let inspections: TestSubgraph;
  let shop: SeededShop;

  beforeAll(async () => {
    store = await startStore();
    inspections = await startTestSubgraph(createInspectionsSubgraph({ checkReferences: false }), { config: testConfig('inspections', store.settings) });
    shop = await seedShop();
  });
  afterAll(async () => {
    await inspections?.close();
    await store?.close();
  });

  /** Sends a request to the subgraph's own routes in-process, keeping only path and query of the signed URL. */
  const send = (url: string, init: RequestInit) => {
    const { pathname, search } = new URL(url);
    return inspections.app.yoga.fetch(`http://subgraph.test${pathname}${search}`, init);
  };
  const register = async (bytes: Buffer<ArrayBuffer>, input: Record<string, unknown> = {}, inspection?: { id: string }) => {
    const started = inspection ?? (await startInspection(inspections, shop));
    const upload = must(
      await inspections.execute(requestUpload, { id: started.id, input: { itemKey: 'tires.lf_tread', kind: 'PHOTO', contentType: 'image/jpeg', byteSize: bytes.length, ...input } }, { token: shop.technician.token }),
    ).requestMediaUpload;
    const headers = Object.fromEntries(upload.headers.map((h: { name: string; value: string }) => [h.name, h.value]));
    return { started, upload, headers, put: (body: Buffer<ArrayBuffer>) => send(upload.url, { method: 'PUT', headers, body }) };
  };
  const mediaOf = async (inspectionId: string) =>
    must(await inspections.execute(itemMedia, { id: inspectionId }, { token: shop.advisor.token })).inspection.items.find((i: { key: string }) => i.key === 'tires.lf_tread').media;

  it('is uploaded through a signed URL into the store and read back through another', async () => {
    const photo = await jpegPhoto();
    const { started, upload, headers, put } = await register(photo, { caption: 'Inner edge' });
    expect(upload).toMatchObject({ method: 'PUT', media: { uploaded: false, url: null, storageKey: expect.stringMatching(new RegExp(`^${shop.shopId}/${started.id}/[0-9a-f-]{36}$`)) } });

    const tampered = upload.url.replace(/size=\d+/, 'size=999999');
    expect((await send(tampered, { method: 'PUT', headers, body: photo })).status).toBe(403);
    const doubled = await put(Buffer.concat([photo, photo]));
    expect({ status: doubled.status, code: (await doubled.json()).errors[0].extensions.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(await store.keys(upload.media.storageKey)).toEqual([]);
    expect((await put(photo)).status).toBe(204);
    const key = upload.media.storageKey;
    expect(await store.keys(key)).toEqual([key, `${key}.display`, `${key}.thumbnail`]);

    const [media] = await mediaOf(started.id);
    expect(media).toMatchObject({ kind: 'PHOTO', caption: 'Inner edge', uploaded: true, byteSize: photo.length });
    const read = await send(media.url, { method: 'GET' });
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await read.arrayBuffer())).toEqual(photo);
    expect((await send(media.url.replace(/sig=[^&]+/, 'sig=forged'), { method: 'GET' })).status).toBe(403);
  });

  it('refuses bytes that are not the registered type by their content, whatever the header says, and stores nothing', async () => {
    for (const bytes of [await pngImage(), Buffer.from('not an image at all, though sent as image/jpeg')]) {
      const { started, upload, put } = await register(bytes);
      const refused = await put(bytes);
      expect(refused.status).toBe(415);
      expect((await refused.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(await store.keys(upload.media.storageKey)).toEqual([]);
      expect(await mediaOf(started.id)).toEqual([expect.objectContaining({ uploaded: false, url: null })]);
    }
  });

  it('takes the bytes of a URL once: a second upload to it is a CONFLICT and leaves the first file', async () => {
    const photo = await jpegPhoto();
    const { started, put } = await register(photo);
    const [first, second] = await Promise.all([put(photo), put(photo)]);
    expect([first.status, second.status].sort()).toEqual([204, 409]);
    const [media] = await mediaOf(started.id);
    const read = await send(media.url, { method: 'GET' });
    expect(Buffer.from(await read.arrayBuffer())).toEqual(photo);
  });

  it('makes a thumbnail and a display copy of a photo, upright, WebP and without its metadata, and shows customers only those', async () => {
    const photo = await phonePhoto();
    const completed = await runToCompleted(inspections, shop);
    const { upload, put } = await register(photo, {}, completed);
    expect((await put(photo)).status).toBe(204);
    const key = upload.media.storageKey;
    expect(await store.keys(key)).toEqual([key, `${key}.display`, `${key}.thumbnail`]);

    for (const r of completed.recommendations) must(await inspections.execute(priceMutation, { id: r.id, input: { partsCents: 10_000, laborCents: 5_000, quantity: 1 } }, { token: shop.advisor.token }));
    const sent = must(await inspections.execute(`mutation($id: ID!) { sendInspection(id: $id) { token } }`, { id: completed.id }, { token: shop.advisor.token }));
    const customer = await openShare(inspections, sent.sendInspection.token);
    const read = `query($id: ID!) { inspection(id: $id) { items { key media { url variants { size url contentType width height byteSize } } } } }`;
    const mediaFor = async (token: string) =>
      must(await inspections.execute(read, { id: completed.id }, { token })).inspection.items.find((i: { key: string }) => i.key === 'tires.lf_tread').media[0];

    const seen = await mediaFor(customer);
    expect(seen.url).toBeNull();
    expect(seen.variants.map(({ size, contentType, width, height }: Record<string, unknown>) => ({ size, contentType, width, height }))).toEqual([
      { size: 'THUMBNAIL', contentType: 'image/webp', width: 160, height: 320 },
      { size: 'DISPLAY', contentType: 'image/webp', width: 800, height: 1600 },
    ]);
    for (const variant of seen.variants) {
      const response = await send(variant.url, { method: 'GET' });
      expect(response.headers.get('content-type')).toBe('image/webp');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length).toBe(variant.byteSize);
      const metadata = await sharp(bytes).metadata();
      expect({ format: metadata.format, width: metadata.width, height: metadata.height, exif: metadata.exif, orientation: metadata.orientation }).toEqual({
        format: 'webp',
        width: variant.width,
        height: variant.height,
        exif: undefined,
        orientation: undefined,
      });
      expect(bytes.includes(exifMarker)).toBe(false);
    }

    const staff = await mediaFor(shop.advisor.token);
    const original = Buffer.from(await (await send(staff.url, { method: 'GET' })).arrayBuffer());
    expect(original).toEqual(photo);
    expect(original.includes(exifMarker)).toBe(true);
  });

  it('refuses a photo that has the right magic numbers but does not decode, storing neither it nor any copy', async () => {
    const photo = await jpegPhoto();
    const broken = Buffer.concat([photo.subarray(0, 24), Buffer.alloc(photo.length - 24)]);
    const { started, upload, put } = await register(broken);
    const refused = await put(broken);
    expect({ status: refused.status, code: (await refused.json()).errors[0].extensions.code }).toEqual({ status: 415, code: 'BAD_USER_INPUT' });
    expect(await store.keys(upload.media.storageKey)).toEqual([]);
    expect(await mediaOf(started.id)).toEqual([expect.objectContaining({ uploaded: false, url: null })]);
  });

  it('deletes an upload registered but never completed once its URL expired, with any object a crash left behind', async () => {
    const photo = await jpegPhoto();
    const abandoned = await register(photo);
    const completed = await register(photo);
    expect((await completed.put(photo)).status).toBe(204);
    const recent = await register(photo);
    const { runtime } = inspections;
    const mediaStore = configuredStore(runtime.config);
    await mediaStore.put(abandoned.upload.media.storageKey, photo, 'image/jpeg');
    const keys = [abandoned, completed, recent].map((u) => u.upload.media.storageKey as string);
    await runtime.db.dataSource.query(`UPDATE inspections.inspection_media SET created_at = now() - interval '1 hour' WHERE storage_key = ANY($1)`, [keys.slice(0, 2)]);

    const library = new MediaLibrary(runtime.db.dataSource, createRepositories(runtime.db.dataSource.manager), mediaStore, signedMediaUrls({ publicBaseUrl: runtime.config.publicUrl, secret: 'unused' }), runtime.logger);
    expect(await library.sweepAbandoned()).toBe(1);
    await mediaStore.close();
    expect(await store.keys(keys[0])).toEqual([]);
    expect(await store.keys(keys[1])).toHaveLength(3);
    const left = (await runtime.db.dataSource.query(`SELECT storage_key FROM inspections.inspection_media WHERE storage_key = ANY($1)`, [keys])) as { storage_key: string }[];
    expect(left.map((row) => row.storage_key).sort()).toEqual(keys.slice(1).sort());
  });

  it('refuses an upload URL after it expired', async () => {
    const photo = await jpegPhoto();
    const { upload, headers } = await register(photo);
    const expired = new URL(upload.url);
    expired.searchParams.set('expires', String(Math.floor(Date.now() / 1000) - 1));
    const response = await send(expired.toString(), { method: 'PUT', headers, body: photo });
    expect(response.status).toBe(403);
    expect((await response.json()).errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
