import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The modules a process loads by importing the gateway (its app and standard features, as main.ts does), recorded
 * by ESM resolve hooks in a process of its own: what the gateway holds in memory before serving anything.
 */
async function modulesLoadedByTheGateway(): Promise<string[]> {
  const script = `
    import { register } from 'node:module';
    import { MessageChannel } from 'node:worker_threads';
    const { port1, port2 } = new MessageChannel();
    const loaded = new Set();
    port1.on('message', (url) => loaded.add(url));
    register(${JSON.stringify(new URL('../support/module-log-hooks.mjs', import.meta.url).href)}, import.meta.url, { data: { port: port2 }, transferList: [port2] });
    await import('tsx/esm');
    await import('./gateway/src/app.ts');
    await import('./gateway/src/features/standard.ts');
    // The hooks report from a thread of their own, in order: once this last import is reported, every one before it is.
    const last = 'data:text/javascript,export default "last"';
    await import(last);
    await new Promise((resolve) => {
      const check = () => (loaded.has(last) ? resolve() : port1.once('message', check));
      check();
    });
    port1.close();
    process.stdout.write(JSON.stringify([...loaded]));
  `;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } });
  return JSON.parse(stdout) as string[];
}

describe("the gateway's footprint", () => {
  it('loads neither the subgraph server and schema builder, nor the tracing SDK, nor node-redis, until a process needs them', async () => {
    const loaded = await modulesLoadedByTheGateway();
    expect(loaded.some((url) => url.includes('/node_modules/@apollo/gateway/'))).toBe(true);
    const unneeded = ['graphql-yoga', '@pothos/core', '@apollo/subgraph', '@envelop/opentelemetry', '@opentelemetry/sdk-trace-node', '@opentelemetry/exporter-trace-otlp-http', 'redis', '@redis/client'];
    expect(unneeded.filter((name) => loaded.some((url) => url.includes(`/node_modules/${name}/`)))).toEqual([]);
  });
});
