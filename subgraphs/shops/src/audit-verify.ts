import { configOrExit, openDatabase, resolveDatabase } from '@cip/platform';
import { verifyAuditLog } from './domain/audit-verify';

/** `npm run audit:verify`: checks every organization's audit chain; exits 1 naming the first broken link of each broken one. */
const config = configOrExit('shops');
const database = await resolveDatabase(config);
const { dataSource } = await openDatabase({ url: database.url, schema: 'shops', entities: [], migrations: [], poolMax: 2, applicationName: 'audit-verify' });
try {
  const { chains, entries, breaks } = await verifyAuditLog(dataSource.manager);
  for (const found of breaks) {
    process.stderr.write(`audit chain ${found.chain} is broken at entry ${found.seq}${found.id ? ` (id ${found.id})` : ''}: ${found.reason}\n`);
  }
  process.stdout.write(`${chains} chains, ${entries} entries verified${breaks.length > 0 ? `, ${breaks.length} broken` : ', all intact'}\n`);
  process.exitCode = breaks.length > 0 ? 1 : 0;
} finally {
  await dataSource.destroy();
  await database.embedded?.stop();
}
