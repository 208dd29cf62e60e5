import { readFile } from 'node:fs/promises';

/** The published operations: codegen's persisted-documents manifests (sha256 of the document → its text). */
export interface PersistedManifest {
  /** Every published document, first-party (staff apps, the customer page) and partner, by hash. */
  documents: Map<string, string>;
  /** The hashes a partner API key may run. */
  partnerHashes: Set<string>;
}

const sdk = new URL('../../../../clients/sdk/src/', import.meta.url);

const readManifest = async (path: string) =>
  Object.entries(JSON.parse(await readFile(new URL(path, sdk), 'utf8')) as Record<string, string>);

export async function loadPersistedManifest(): Promise<PersistedManifest> {
  const firstParty = [...(await readManifest('persisted-documents.json')), ...(await readManifest('customer/persisted-documents.json'))];
  const partner = await readManifest('partner/persisted-documents.json');
  return {
    documents: new Map([...firstParty, ...partner]),
    partnerHashes: new Set(partner.map(([hash]) => hash)),
  };
}
