import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { loadPersistedManifest } from '../gateway/src/features/persisted-operations/manifest';
import { openApiDocument } from '../gateway/src/features/rest/openapi';
import { partnerOperationsOf, restRoutes } from '../gateway/src/features/rest/routes';

/** Writes the REST API's OpenAPI document, as the gateway serves it for the committed supergraph, to the given path. */
const out = process.argv[2] ?? 'node_modules/.cache/openapi/openapi.json';
const sdl = await readFile(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8');
const schema = Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
const routes = restRoutes(schema, partnerOperationsOf(await loadPersistedManifest()));
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(openApiDocument(schema, routes, '/api/v1'), null, 2)}\n`);
console.log(`${routes.length} routes written to ${out}`);
