import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { buildEvent } from '../src/events/catalog';
import { createRedisBus } from '../src/events/redis-bus';
import { createLogger } from '../src/logger';

const logger = createLogger('silent');
const url = process.env.REDIS_URL;
const numbered = (id: number) => buildEvent('customer.created', { orgId: 'o', shopId: null, subjectId: String(id), data: { smsConsent: false, emailConsent: false } });

async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.runIf(url)('the Redis bus after a consumer crashed', () => {
  it("takes over the dead consumer's pending events within seconds, applies them before newer ones, and removes its fan-out group", async () => {
    const namespace = `t${Math.random().toString(36).slice(2, 10)}`;
    const group = 'ledger';
    const bus = await createRedisBus(url!, { logger, namespace, claimAfterMs: 1_000, sweepEveryMs: 500 });
    await bus.publish(Array.from({ length: 10 }, (_, i) => numbered(i)));

    const child = spawn(process.execPath, ['--import', 'tsx', new URL('./fixtures/dying-consumer.ts', import.meta.url).pathname], {
      env: { ...process.env, NAMESPACE: namespace, GROUP: group },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    const [, signal] = await once(child, 'exit');
    expect(signal).toBe('SIGKILL');
    expect(output).toContain('received 0');

    const seen: number[] = [];
    const subscription = await bus.consume({ group, from: 'beginning' }, async (event) => void seen.push(Number(event.subject.id)));
    await bus.publish(Array.from({ length: 5 }, (_, i) => numbered(10 + i)));
    // The chaos suite asserts how fast (within 10 s); this test asserts order and completeness.
    await until(() => seen.length >= 15, 30_000);
    expect(seen).toEqual(Array.from({ length: 15 }, (_, i) => i));

    const admin = createClient({ url });
    await admin.connect();
    await until(async () => !(await admin.xInfoGroups(`${namespace}:events`)).some((g) => String(g.name) === `${group}.live`), 10_000);
    expect((await admin.xInfoGroups(`${namespace}:events`)).map((g) => String(g.name))).toEqual([group]);
    await admin.close();
    await subscription.close();
    await bus.close();
  });
});
