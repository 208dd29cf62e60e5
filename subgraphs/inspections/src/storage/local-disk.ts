import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { MediaStore } from './store';

/** Media under `<dataDir>/inspection-media`: right for one process (`npm start`), not for replicas that do not share the disk. */
export function localDiskStore(options: { dataDir: string }): MediaStore {
  const root = resolve(options.dataDir, 'inspection-media');
  const pathOf = (key: string) => {
    const path = resolve(root, key);
    if (!path.startsWith(root + sep)) throw new Error(`media key ${key} leaves the media directory`);
    return path;
  };
  return {
    kind: 'local',
    async put(key, bytes) {
      const target = pathOf(key);
      await mkdir(dirname(target), { recursive: true });
      // Written aside and renamed, so a reader never sees half a file.
      const partial = `${target}.${randomUUID()}.part`;
      try {
        await writeFile(partial, bytes);
        await rename(partial, target);
      } finally {
        await rm(partial, { force: true });
      }
    },
    async get(key) {
      const path = pathOf(key);
      const file = await stat(path).catch(() => null);
      if (!file?.isFile()) return null;
      return { body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, byteSize: file.size };
    },
    async delete(keys) {
      await Promise.all(keys.map((key) => rm(pathOf(key), { force: true })));
    },
    async close() {},
  };
}
