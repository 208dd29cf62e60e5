import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { configOrExit, isPublicError, openDatabase, resolveDatabase } from '@cip/platform';
import { partnersSubgraph } from './app';
import { createServices } from './context';

/**
 * Platform administration of partners, run by the platform's operators (never reachable through the API):
 *
 *   npm run -w @cip/partners admin -- create-partner --name "Tread Co" --kind TIRE_DISTRIBUTOR
 *   npm run -w @cip/partners admin -- create-program --file program.json
 *   npm run -w @cip/partners admin -- issue-key --partner <partnerId> --label production [--plan premium]
 *
 * The program file holds the `createProgram` input (see README); its dates are ISO-8601 strings.
 * Events (e.g. `partner.api_key_issued`) go to the outbox and are published by the running subgraph.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    kind: { type: 'string' },
    file: { type: 'string' },
    partner: { type: 'string' },
    label: { type: 'string' },
    plan: { type: 'string', default: 'standard' },
  },
});

const config = configOrExit('partners');
const database = await resolveDatabase(config);
const { dataSource } = await openDatabase({
  url: database.url,
  schema: 'partners',
  entities: partnersSubgraph.entities,
  migrations: partnersSubgraph.migrations,
  applicationName: 'partners-admin',
});
const services = createServices(dataSource);

try {
  switch (positionals[0]) {
    case 'create-partner': {
      const partner = await services.programs.createPartner({ name: values.name, kind: values.kind });
      console.log(JSON.stringify(partner, null, 2));
      break;
    }
    case 'create-program': {
      if (!values.file) throw new Error('--file is required');
      const input = JSON.parse(await readFile(values.file, 'utf8'));
      const rule = { ...input.rule, effectiveFrom: new Date(input.rule?.effectiveFrom), effectiveUntil: input.rule?.effectiveUntil ? new Date(input.rule.effectiveUntil) : null };
      const program = await services.programs.createProgram({ ...input, rule });
      console.log(JSON.stringify(program, null, 2));
      break;
    }
    case 'issue-key': {
      if (!values.partner) throw new Error('--partner is required');
      const { key, secret } = await services.programs.issueApiKey(values.partner, { label: values.label ?? 'default', plan: values.plan as 'standard' });
      console.log(JSON.stringify({ keyId: key.id, prefix: key.prefix, plan: key.plan, secret }, null, 2));
      console.error('Store the secret now: it is not kept and cannot be shown again.');
      break;
    }
    default:
      throw new Error('usage: admin create-partner | create-program | issue-key (see src/admin.ts)');
  }
} catch (error) {
  console.error(isPublicError(error) ? `${error.extensions.code}: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await dataSource.destroy();
  await database.embedded?.stop();
}
