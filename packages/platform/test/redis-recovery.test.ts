import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
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

describe.runIf(url)("a Redis bus reader's lease", () => {
  /** A bus whose log lines are kept, and a group it consumes into `seen`. */
  async function reader() {
    const lines: { level: string; msg: string }[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).trim().split('\n').map((line) => JSON.parse(line)));
        done();
      },
    });
    const namespace = `t${Math.random().toString(36).slice(2, 10)}`;
    const bus = await createRedisBus(url!, { logger: createLogger('info', {}, destination), namespace, claimAfterMs: 1_000 });
    const seen: number[] = [];
    const subscription = await bus.consume({ group: 'ledger', from: 'beginning' }, async (event) => void seen.push(Number(event.subject.id)));
    const admin = createClient({ url });
    await admin.connect();
    const lease = `${namespace}:bus:lease:ledger`;
    await bus.publish([numbered(0)]);
    await until(() => seen.length === 1, 30_000);
    const holder = await admin.get(lease);
    return {
      lines,
      seen,
      bus,
      admin,
      lease,
      holder,
      async close() {
        await admin.close();
        await subscription.close();
        await bus.close();
      },
    };
  }

  it('that lapsed while no other reader took it over is taken again: the reader goes on and warns of nothing', async () => {
    const r = await reader();
    // What a reader held up past its lease sees: the key gone, nobody else holding it.
    await r.admin.del(r.lease);
    await until(() => r.lines.some((line) => line.msg.includes('lapsed')), 30_000);
    await until(async () => (await r.admin.get(r.lease)) === r.holder, 30_000);
    await r.bus.publish([numbered(1)]);
    await until(() => r.seen.length === 2, 30_000);
    expect(r.seen).toEqual([0, 1]);
    expect(r.lines.filter((line) => line.level === 'warn' || line.level === 'error')).toEqual([]);
    await r.close();
  });

  it('that another reader holds is lost with a warning; once it is free again the reader takes it and goes on in order', async () => {
    const r = await reader();
    await r.admin.set(r.lease, 'another-reader', { PX: 60_000 });
    await until(() => r.lines.some((line) => line.level === 'warn' && line.msg.includes('another reader took over')), 30_000);
    await r.bus.publish([numbered(1), numbered(2)]);
    // The marker: once the other reader lets go, the reader takes the lease and applies what it left, in order.
    await r.admin.del(r.lease);
    await until(() => r.seen.length === 3, 30_000);
    expect(r.seen).toEqual([0, 1, 2]);
    await r.close();
  });
});
