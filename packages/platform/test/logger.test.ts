import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';

function capture() {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe('structured logs', () => {
  it('writes one JSON line per event with level, time, message and the bound fields of its children', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', { service: 'shops' }, stream);
    logger.debug('not at info');
    logger.child({ trace_id: 'a'.repeat(32) }).warn('slow query', { ms: 812 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'warn', service: 'shops', trace_id: 'a'.repeat(32), msg: 'slow query', ms: 812 });
    expect(new Date(lines[0].time).toISOString()).toBe(lines[0].time);
  });

  it('redacts credentials and personal data in fields at any depth and in free text', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', {}, stream);
    logger.error('login failed for jane.doe@example.com from +1 303 555 0101', {
      request: { headers: { authorization: 'Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl', 'x-api-key': 'cip_live_123', 'user-agent': 'curl' } },
      input: { email: 'jane.doe@example.com', password: 'hunter22', phone: '+13035550101', name: 'Jane' },
      databaseUrl: 'postgres://app:s3cret@db.internal:5432/cip',
      error: Object.assign(new Error('duplicate key value violates unique constraint: (email)=(jane.doe@example.com), token eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl'), { code: '23505' }),
    });
    const [line] = lines;
    const text = JSON.stringify(line);
    for (const secret of ['jane.doe@example.com', 'hunter22', '3035550101', '303 555 0101', 'eyJhbGciOi', 'cip_live_123', 's3cret']) expect(text).not.toContain(secret);
    expect(line.request.headers['user-agent']).toBe('curl');
    expect(line.input.name).toBe('Jane');
    expect(line.databaseUrl).toBe('postgres://app:[REDACTED]@db.internal:5432/cip');
    expect(line.error).toMatchObject({ type: 'Error', code: '23505', message: expect.stringContaining('[REDACTED_EMAIL]') });
    expect(line.msg).toBe('login failed for [REDACTED_EMAIL] from [REDACTED_PHONE]');
  });
});
