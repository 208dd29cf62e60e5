import { EntitySchema, IsNull, type EntityManager } from 'typeorm';
import { findByIds } from '@cip/platform';

export const partnerKinds = ['TIRE_DISTRIBUTOR', 'WARRANTY_PROVIDER', 'LENDER', 'FLUIDS', 'ROADSIDE', 'OTHER'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export interface Partner {
  id: string;
  name: string;
  kind: PartnerKind;
  createdAt: Date;
}

export const PartnerEntity = new EntitySchema<Partner>({
  name: 'Partner',
  tableName: 'partner',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    name: { type: 'text' },
    kind: { type: 'text' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export const apiKeyPlans = ['standard', 'premium'] as const;
export type ApiKeyPlan = (typeof apiKeyPlans)[number];

export interface PartnerApiKey {
  id: string;
  partnerId: string;
  prefix: string;
  keyHash: string;
  plan: ApiKeyPlan;
  label: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export const PartnerApiKeyEntity = new EntitySchema<PartnerApiKey>({
  name: 'PartnerApiKey',
  tableName: 'api_key',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    partnerId: { type: 'uuid', name: 'partner_id' },
    prefix: { type: 'text' },
    keyHash: { type: 'char', length: 64, name: 'key_hash' },
    plan: { type: 'text' },
    label: { type: 'text' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    revokedAt: { type: 'timestamptz', name: 'revoked_at', nullable: true },
  },
});

export class PartnerRepository {
  constructor(private readonly manager: EntityManager) {}

  findByIds(ids: readonly string[]): Promise<(Partner | null)[]> {
    return findByIds(this.manager, PartnerEntity, ids);
  }

  create(manager: EntityManager, input: { name: string; kind: PartnerKind }): Promise<Partner> {
    return manager.save(PartnerEntity, manager.create(PartnerEntity, input));
  }

  keysOf(partnerId: string): Promise<PartnerApiKey[]> {
    return this.manager.find(PartnerApiKeyEntity, { where: { partnerId }, order: { createdAt: 'ASC' }, comment: 'partners.keysOf' });
  }

  addKey(manager: EntityManager, input: Omit<PartnerApiKey, 'id' | 'createdAt' | 'revokedAt'>): Promise<PartnerApiKey> {
    return manager.save(PartnerApiKeyEntity, manager.create(PartnerApiKeyEntity, { ...input, revokedAt: null }));
  }

  /** Revokes a live key of the partner; null when it has no such key (or it was already revoked). */
  async revokeKey(manager: EntityManager, partnerId: string, keyId: string): Promise<PartnerApiKey | null> {
    const result = await manager.update(PartnerApiKeyEntity, { id: keyId, partnerId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) return null;
    return manager.findOneByOrFail(PartnerApiKeyEntity, { id: keyId });
  }
}
