import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const committed = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

/** What every peer gateway is started with, from its environment: the bench's port, secret and subgraph addresses. */
export interface PeerSettings {
  port: number;
  gatewaySecret: string;
  /** The committed supergraph with each subgraph's routing URL replaced by where the bench runs it. */
  supergraphSdl: string;
}

export function peerSettings(env: NodeJS.ProcessEnv = process.env): PeerSettings {
  const port = Number(env.PORT);
  const gatewaySecret = env.GATEWAY_SECRET;
  if (!Number.isInteger(port) || !gatewaySecret) throw new Error('a peer gateway needs PORT and GATEWAY_SECRET');
  const supergraphSdl = readFileSync(committed, 'utf8').replace(
    /@join__graph\(name: "(\w+)", url: "([^"]*)"\)/g,
    (_, name: string, url: string) => `@join__graph(name: "${name}", url: "${env[`${name.toUpperCase()}_URL`] ?? url}")`,
  );
  return { port, gatewaySecret, supergraphSdl };
}
