import type { EntityManager } from 'typeorm';

export interface KnownApiKey {
  keyId: string;
  partnerId: string;
  plan: string;
  shopIds: string[];
}

/** The gateway's copy of partner API keys: hashes, plans, revocations and the partner's shops. */
export class ApiKeyRepository {
  constructor(private readonly manager: EntityManager) {}

  /** A live key by the sha256 of its secret; null when unknown or revoked. */
  async findLiveByHash(keyHash: string): Promise<KnownApiKey | null> {
    const rows: { id: string; partner_id: string; plan: string; shop_ids: string[] | null }[] = await this.manager.query(
      `/* apiKeys.findLiveByHash */ SELECT k.id, k.partner_id, k.plan, s.shop_ids
         FROM gateway.api_key k LEFT JOIN gateway.partner_shops s ON s.partner_id = k.partner_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
      [keyHash],
    );
    const row = rows[0];
    return row ? { keyId: row.id, partnerId: row.partner_id, plan: row.plan, shopIds: row.shop_ids ?? [] } : null;
  }

  /** Records an issued key; a revocation that arrived first is kept. */
  async issued(manager: EntityManager, key: { keyId: string; partnerId: string; keyHash: string; prefix: string; plan: string; issuedAt: string }) {
    await manager.query(
      `/* apiKeys.issued */ INSERT INTO gateway.api_key (id, partner_id, key_hash, prefix, plan, issued_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET key_hash = EXCLUDED.key_hash, prefix = EXCLUDED.prefix, plan = EXCLUDED.plan, issued_at = EXCLUDED.issued_at`,
      [key.keyId, key.partnerId, key.keyHash, key.prefix, key.plan, key.issuedAt],
    );
  }

  /** Marks a key revoked, even before its issue event has arrived. */
  async revoked(manager: EntityManager, key: { keyId: string; partnerId: string; revokedAt: string }) {
    await manager.query(
      `/* apiKeys.revoked */ INSERT INTO gateway.api_key (id, partner_id, revoked_at) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET revoked_at = coalesce(gateway.api_key.revoked_at, EXCLUDED.revoked_at)`,
      [key.keyId, key.partnerId, key.revokedAt],
    );
  }

  /** Replaces the partner's shops unless a newer event already did. */
  async shopsChanged(manager: EntityManager, partnerId: string, shopIds: string[], asOf: string) {
    await manager.query(
      `/* apiKeys.shopsChanged */ INSERT INTO gateway.partner_shops (partner_id, shop_ids, as_of) VALUES ($1, $2, $3)
       ON CONFLICT (partner_id) DO UPDATE SET shop_ids = EXCLUDED.shop_ids, as_of = EXCLUDED.as_of
       WHERE gateway.partner_shops.as_of <= EXCLUDED.as_of`,
      [partnerId, shopIds, asOf],
    );
  }
}
