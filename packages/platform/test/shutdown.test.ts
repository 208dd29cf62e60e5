import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';

describe('graceful shutdown', () => {
  it('finishes in-flight requests after SIGTERM, refuses new ones, then closes pools and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', new URL('./fixtures/slow-server.ts', import.meta.url).pathname], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    while (!/listening (\d+)/.test(output)) await once(child.stdout, 'data');
    const port = Number(/listening (\d+)/.exec(output)![1]);

    const inFlight = fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
    while (!output.includes('request started')) await once(child.stdout, 'data');
    child.kill('SIGTERM');
    while (!output.includes('received SIGTERM')) await once(child.stdout, 'data');
    const refused = await fetch(`http://127.0.0.1:${port}/`).then(() => 'accepted', () => 'refused');
    const [code] = (await once(child, 'exit')) as [number];

    expect(await inFlight).toBe('finished');
    expect(refused).toBe('refused');
    expect(code).toBe(0);
    expect(output.indexOf('pools closed')).toBeGreaterThan(output.indexOf('received SIGTERM'));
  });
});
