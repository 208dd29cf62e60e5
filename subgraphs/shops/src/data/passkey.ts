import { EntitySchema, type EntityManager } from 'typeorm';
import { queryRows } from '@cip/platform';

/** A WebAuthn credential registered as a user's second factor; `signCount` is the highest signature counter seen. */
export interface Passkey {
  id: string;
  userId: string;
  /** The credential id the authenticator chose, base64url. */
  credentialId: string;
  /** The COSE public key the attestation carried. */
  publicKey: Buffer;
  signCount: number;
  transports: string[];
  name: string;
  backedUp: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export const PasskeyEntity = new EntitySchema<Passkey>({
  name: 'Passkey',
  tableName: 'passkey',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    userId: { type: 'uuid', name: 'user_id' },
    credentialId: { type: 'text', name: 'credential_id', unique: true },
    publicKey: { type: 'bytea', name: 'public_key' },
    signCount: { type: 'bigint', name: 'sign_count', transformer: { to: (value: number) => value, from: (value: string) => Number(value) } },
    transports: { type: 'text', array: true },
    name: { type: 'text' },
    backedUp: { type: 'boolean', name: 'backed_up' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    lastUsedAt: { type: 'timestamptz', name: 'last_used_at', nullable: true },
  },
});

const columns = `id, user_id AS "userId", credential_id AS "credentialId", public_key AS "publicKey", sign_count::float8 AS "signCount",
  transports, name, backed_up AS "backedUp", created_at AS "createdAt", last_used_at AS "lastUsedAt"`;

export class PasskeyRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The user's passkeys, oldest first. */
  listOf(userId: string): Promise<Passkey[]> {
    return queryRows<Passkey>(this.manager, `/* passkeys.listOf */ SELECT ${columns} FROM shops.passkey WHERE user_id = $1 ORDER BY created_at, id`, [userId]);
  }

  /** The user's passkey with that credential id, locked so concurrent assertions check the counter one after another. */
  async ofUserForUpdate(userId: string, credentialId: string): Promise<Passkey | null> {
    const [row] = await queryRows<Passkey>(
      this.manager,
      `/* passkeys.ofUserForUpdate */ SELECT ${columns} FROM shops.passkey WHERE user_id = $1 AND credential_id = $2 FOR UPDATE`,
      [userId, credentialId],
    );
    return row ?? null;
  }

  /** Stores a new passkey; null when that credential is already registered (to anyone). */
  async add(input: Pick<Passkey, 'userId' | 'credentialId' | 'publicKey' | 'signCount' | 'transports' | 'name' | 'backedUp'>): Promise<Passkey | null> {
    const [row] = await queryRows<Passkey>(
      this.manager,
      `/* passkeys.add */ INSERT INTO shops.passkey (user_id, credential_id, public_key, sign_count, transports, name, backed_up)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (credential_id) DO NOTHING RETURNING ${columns}`,
      [input.userId, input.credentialId, input.publicKey, input.signCount, input.transports, input.name, input.backedUp],
    );
    return row ?? null;
  }

  async recordUse(id: string, signCount: number): Promise<void> {
    await this.manager.query(`/* passkeys.recordUse */ UPDATE shops.passkey SET sign_count = $2, last_used_at = now() WHERE id = $1`, [id, signCount]);
  }

  /** Removes the user's passkey; false when they have none with that id. */
  async remove(userId: string, id: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(this.manager, `/* passkeys.remove */ DELETE FROM shops.passkey WHERE user_id = $1 AND id = $2 RETURNING id`, [userId, id]);
    return rows.length > 0;
  }
}
