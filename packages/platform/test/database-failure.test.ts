import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDatabaseFailure } from '../src/events/database-failure';
import type { Logger } from '../src/logger';
import { createTestDatabase, type TestDatabase } from '../src/testing';

function recordingLogger() {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, fields });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } as Logger;
  return { logger, lines };
}

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('connection_loss');
});
afterAll(() => database?.drop());

describe('a lost LISTEN connection', () => {
  it('is reported at info, without a stack, when the server ends it, and at the given level otherwise', async () => {
    const listener = new pg.Client({ connectionString: database.url, application_name: 'loss-test' });
    await listener.connect();
    const ended = new Promise<Error>((resolve) => listener.on('error', resolve));
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'loss-test'`);
    await admin.end();

    const { logger, lines } = recordingLogger();
    reportDatabaseFailure(logger, 'error', 'bus listener failed', await ended, { schema: 'bus' });
    reportDatabaseFailure(logger, 'error', 'bus listener failed', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    expect(lines.map((l) => l.level)).toEqual(['info', 'error']);
    expect(lines[0]!.fields).toEqual({ schema: 'bus' });
    expect(lines[1]!.fields?.error).toBeInstanceOf(Error);
  });
});
