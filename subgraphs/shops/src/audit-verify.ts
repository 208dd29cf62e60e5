import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { configOrExit, openDatabase, resolveDatabase, type AuditChainBreak } from '@cip/platform';
import { verifyArchiveCopy, verifyAuditLog } from './domain/audit-verify';

/**
 * `npm run audit:verify`: checks every organization's audit chain, archived ranges included; exits 1 naming the first broken link of each broken one.
 * `npm run audit:verify -- --archive <file>`: checks an archive copy (JSON lines from `exportAuditArchive`) against its checkpoint instead.
 */
const { values } = parseArgs({ options: { archive: { type: 'string' } } });
const config = configOrExit('shops');
const database = await resolveDatabase(config);
const { dataSource } = await openDatabase({ url: database.url, schema: 'shops', entities: [], migrations: [], poolMax: 2, applicationName: 'audit-verify' });
const describe = (found: AuditChainBreak) => `audit chain ${found.chain} is broken at entry ${found.seq}${found.id ? ` (id ${found.id})` : ''}: ${found.reason}\n`;
try {
  if (values.archive) {
    const { checkpoint, broken } = await verifyArchiveCopy(dataSource.manager, await readFile(values.archive, 'utf8'));
    if (broken) process.stderr.write(describe(broken));
    else process.stdout.write(`archive of chain ${checkpoint.chain}, entries ${checkpoint.firstSeq}–${checkpoint.seq}, matches its checkpoint\n`);
    process.exitCode = broken ? 1 : 0;
  } else {
    const { chains, entries, archived, breaks } = await verifyAuditLog(dataSource.manager);
    for (const found of breaks) process.stderr.write(describe(found));
    process.stdout.write(`${chains} chains, ${entries} entries and ${archived} archived verified${breaks.length > 0 ? `, ${breaks.length} broken` : ', all intact'}\n`);
    process.exitCode = breaks.length > 0 ? 1 : 0;
  }
} finally {
  await dataSource.destroy();
  await database.embedded?.stop();
}
