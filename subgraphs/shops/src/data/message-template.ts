import type { EntityManager } from 'typeorm';
import { groupedInKeyOrder, queryRows } from '@cip/platform';

export const messageKinds = ['REPORT', 'REMINDER', 'FOLLOW_UP'] as const;
export type MessageKind = (typeof messageKinds)[number];
export const messageChannels = ['EMAIL', 'SMS'] as const;
export type MessageChannel = (typeof messageChannels)[number];

/** A shop's wording of one kind of customer message; a kind without a row uses the built-in wording. */
export interface MessageTemplate {
  shopId: string;
  kind: MessageKind;
  emailSubject: string;
  emailBody: string;
  smsBody: string;
  /** Null for the built-in wording. */
  updatedAt: Date | null;
}

const columns = `shop_id AS "shopId", kind, email_subject AS "emailSubject", email_body AS "emailBody", sms_body AS "smsBody", updated_at AS "updatedAt"`;

export class MessageTemplateRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The templates each shop has saved, in key order. */
  async byShopIds(shopIds: readonly string[]): Promise<MessageTemplate[][]> {
    const rows = await queryRows<MessageTemplate>(this.manager, `/* messageTemplates.byShopIds */ SELECT ${columns} FROM shops.message_template WHERE shop_id = ANY($1::uuid[]) ORDER BY kind`, [shopIds]);
    return groupedInKeyOrder(shopIds, rows, (row) => row.shopId);
  }

  async find(manager: EntityManager, shopId: string, kind: MessageKind): Promise<MessageTemplate | null> {
    const [row] = await queryRows<MessageTemplate>(manager, `/* messageTemplates.find */ SELECT ${columns} FROM shops.message_template WHERE shop_id = $1 AND kind = $2`, [shopId, kind]);
    return row ?? null;
  }

  async save(manager: EntityManager, orgId: string, template: Omit<MessageTemplate, 'updatedAt'>): Promise<MessageTemplate> {
    const [row] = await queryRows<MessageTemplate>(
      manager,
      `/* messageTemplates.save */ INSERT INTO shops.message_template (shop_id, kind, org_id, email_subject, email_body, sms_body) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (shop_id, kind) DO UPDATE SET email_subject = excluded.email_subject, email_body = excluded.email_body, sms_body = excluded.sms_body, updated_at = now()
       RETURNING ${columns}`,
      [template.shopId, template.kind, orgId, template.emailSubject, template.emailBody, template.smsBody],
    );
    return row;
  }

  async remove(manager: EntityManager, shopId: string, kind: MessageKind): Promise<void> {
    await manager.query(`/* messageTemplates.remove */ DELETE FROM shops.message_template WHERE shop_id = $1 AND kind = $2`, [shopId, kind]);
  }
}
