import type { EntityManager } from 'typeorm';
import { inKeyOrder, queryRows } from '@cip/platform';

/** When a shop's reminders and follow-ups go out. */
export interface MessageSettings {
  shopId: string;
  /** Hours after sending an unopened report gets its reminder; null: no reminder. */
  reminderAfterHours: number | null;
  /** Days after a decline each follow-up goes out; empty: none. */
  followUpDays: number[];
}

export const defaultMessageSettings = (shopId: string): MessageSettings => ({ shopId, reminderAfterHours: 24, followUpDays: [30, 90] });

const columns = `shop_id AS "shopId", reminder_after_hours AS "reminderAfterHours", follow_up_days AS "followUpDays"`;

export class MessageSettingsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Each shop's settings, the defaults where it saved none. */
  async findByShopIds(shopIds: readonly string[], manager: EntityManager = this.manager): Promise<MessageSettings[]> {
    const rows = await queryRows<MessageSettings>(manager, `/* messageSettings.findByShopIds */ SELECT ${columns} FROM shops.message_settings WHERE shop_id = ANY($1::uuid[])`, [shopIds]);
    return inKeyOrder(shopIds, rows, (row) => row.shopId).map((row, i) => row ?? defaultMessageSettings(shopIds[i]));
  }

  async save(manager: EntityManager, orgId: string, settings: MessageSettings): Promise<MessageSettings> {
    const [row] = await queryRows<MessageSettings>(
      manager,
      `/* messageSettings.save */ INSERT INTO shops.message_settings (shop_id, org_id, reminder_after_hours, follow_up_days) VALUES ($1, $2, $3, $4)
       ON CONFLICT (shop_id) DO UPDATE SET reminder_after_hours = excluded.reminder_after_hours, follow_up_days = excluded.follow_up_days, updated_at = now()
       RETURNING ${columns}`,
      [settings.shopId, orgId, settings.reminderAfterHours, settings.followUpDays],
    );
    return row;
  }
}
