import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { testConfig } from '@cip/platform/testing';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const offlineModule = fileURLToPath(new URL('../src/decoding/offline.ts', import.meta.url));

describe('closing the offline VIN decoder', () => {
  it('settles in a process with nothing else to do, so a script that opens and closes it exits 0', async () => {
    const script = [
      `const { openOfflineDecoder } = await import(${JSON.stringify(offlineModule)});`,
      `const decoder = await openOfflineDecoder({ dataDir: ${JSON.stringify(testConfig('vehicles').dataDir)} });`,
      `const fields = await decoder.decode('1FTMW1T88MFA00001', null);`,
      'await decoder.close();',
      'console.log(`closed after decoding ${fields.make}`);',
    ].join('\n');
    const directory = await mkdtemp(join(tmpdir(), 'offline-close-'));
    try {
      await writeFile(join(directory, 'close.mjs'), script);
      // A top-level await that never settles ends the process with code 13 and none of the output after it.
      const { stdout } = await run(process.execPath, ['--import', 'tsx', join(directory, 'close.mjs')], { cwd: root });
      expect(stdout.trim()).toBe('closed after decoding FORD');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
