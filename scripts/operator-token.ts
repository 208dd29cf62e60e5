import { parseArgs } from 'node:util';
import {
  checkOperatorTokenRequest,
  configOrExit,
  createTokenSigner,
  loadSigningKey,
  mintOperatorToken,
  operatorTokenDefaultTtlSeconds,
  OperatorTokenError,
} from '@cip/platform';

// npm run operator:token -- <name> [--ttl seconds]: prints a bearer token for a platform operator.
const { positionals, values } = parseArgs({ allowPositionals: true, options: { ttl: { type: 'string' } } });
const config = configOrExit('gateway');
try {
  const [operator] = positionals;
  if (!operator) throw new OperatorTokenError('Name the operator: npm run operator:token -- <name> [--ttl seconds]');
  const ttl = values.ttl === undefined ? operatorTokenDefaultTtlSeconds : Number(values.ttl);
  checkOperatorTokenRequest(operator, ttl);
  const signer = createTokenSigner(await loadSigningKey(config), { issuer: config.auth.issuer, audience: config.auth.audience });
  const { token, expiresAt } = await mintOperatorToken(signer, operator, ttl);
  process.stderr.write(`operator ${operator}, valid until ${expiresAt.toISOString()}\n`);
  process.stdout.write(`${token}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
