import { z } from 'zod';
import { defineEvent } from '../definition';

export const analyticsEvents = [
  defineEvent({
    type: 'analytics.shop_metrics_updated',
    version: 1,
    producer: 'analytics',
    subject: 'Shop',
    entity: 'ShopMetrics',
    description: "A shop's rollups changed, once the change is committed; live dashboards listen for it.",
    data: z.object({ days: z.array(z.iso.date()).describe('The local days whose figures changed.') }),
  }),
] as const;
