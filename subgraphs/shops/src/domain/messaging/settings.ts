import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { notFound, parseInput, requireShopRole, type Principal } from '@cip/platform';
import { MessageSettingsRepository, type MessageSettings } from '../../data/message-settings';
import { MessageTemplateRepository, type MessageKind, type MessageTemplate } from '../../data/message-template';
import { ShopRepository } from '../../data/shop';
import { templateInputSchema, templateOrDefault } from './templates';

const settingsSchema = z.object({
  reminderAfterHours: z.number().int('must be a whole number of hours').min(1, 'must be at least 1 hour').max(720, 'must be at most 720 hours (30 days)').nullable(),
  followUpDays: z
    .array(z.number().int('must be a whole number of days').min(1, 'must be at least 1 day').max(730, 'must be at most 730 days'))
    .max(5, 'at most 5 follow-ups')
    .refine((days) => new Set(days).size === days.length, 'must not repeat a day')
    .transform((days) => [...days].sort((a, b) => a - b)),
});

/** A shop's message wording and timing: read by its staff, changed by its owners and managers. */
export class MessageSetup {
  constructor(private readonly dataSource: DataSource) {}

  async saveTemplate(principal: Principal | null, shopId: string, kind: MessageKind, input: unknown): Promise<MessageTemplate> {
    requireShopRole(principal, shopId, ['OWNER', 'MANAGER']);
    const values = parseInput(templateInputSchema(kind), input);
    return this.dataSource.transaction(async (manager) => {
      const [shop] = await new ShopRepository(manager).findByIds([shopId]);
      if (!shop) throw notFound('Shop', shopId);
      return new MessageTemplateRepository(manager).save(manager, shop.orgId, { shopId, kind, ...values });
    });
  }

  /** Goes back to the built-in wording of `kind`. */
  async resetTemplate(principal: Principal | null, shopId: string, kind: MessageKind): Promise<MessageTemplate> {
    requireShopRole(principal, shopId, ['OWNER', 'MANAGER']);
    await new MessageTemplateRepository(this.dataSource.manager).remove(this.dataSource.manager, shopId, kind);
    return templateOrDefault(shopId, kind, null);
  }

  async saveSettings(principal: Principal | null, shopId: string, input: unknown): Promise<MessageSettings> {
    requireShopRole(principal, shopId, ['OWNER', 'MANAGER']);
    const values = parseInput(settingsSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const [shop] = await new ShopRepository(manager).findByIds([shopId]);
      if (!shop) throw notFound('Shop', shopId);
      return new MessageSettingsRepository(manager).save(manager, shop.orgId, { shopId, ...values });
    });
  }
}
