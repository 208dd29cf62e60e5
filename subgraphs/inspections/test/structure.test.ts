import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = new URL('../src/', import.meta.url).pathname;
const filesOf = async (dir: string) => Promise.all((await readdir(join(src, dir))).filter((f) => f.endsWith('.ts')).map(async (f) => ({ file: `${dir}/${f}`, text: await readFile(join(src, dir, f), 'utf8') })));

/** What only domain services and repositories may do. */
const domainOnly = [/\.transaction\(/, /\.query\(/, /createQueryBuilder/, /EntityManager/, /enqueueEvents/, /parseInput/, /requireShopRole/, /\brepos\b/, /dataSource/];

describe('layers', () => {
  it('keep transactions, SQL, events, validation and permission checks out of schema/: resolvers call domain services', async () => {
    const offences = (await filesOf('schema')).flatMap(({ file, text }) => domainOnly.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern}`));
    expect(offences).toEqual([]);
  });

  it('keep the GraphQL context out of domain/', async () => {
    const offences = (await filesOf('domain')).filter(({ text }) => /InspectionsContext|from '\.\.\/context'|from '\.\.\/schema/.test(text)).map(({ file }) => file);
    expect(offences).toEqual([]);
  });
});
