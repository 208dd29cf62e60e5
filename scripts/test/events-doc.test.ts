import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { eventCatalog, withEventCatalog } from '@cip/platform';

describe('the event list in docs/integration.md', () => {
  it('is the one the event catalog writes, naming every type@version', async () => {
    const document = await readFile(new URL('../../docs/integration.md', import.meta.url), 'utf8');
    expect(withEventCatalog(document)).toBe(document);
    for (const { type, version } of eventCatalog) expect(document).toContain(`\`${type}@${version}\``);
  });
});
