import type { EntityManager } from 'typeorm';
import { queryRows } from '@cip/platform';

/** A report the inspections subgraph sent to a customer, as messaging needs it: whom, and the (sealed) link. */
export interface CustomerReport {
  inspectionId: string;
  orgId: string;
  shopId: string;
  customerId: string;
  /** The customer's current link, sealed; opened only to write a message. */
  sealedUrl: string;
  expiresAt: Date;
  sentAt: Date;
  openedAt: Date | null;
  closedAt: Date | null;
}

const columns = `inspection_id AS "inspectionId", org_id AS "orgId", shop_id AS "shopId", customer_id AS "customerId", sealed_url AS "sealedUrl",
  expires_at AS "expiresAt", sent_at AS "sentAt", opened_at AS "openedAt", closed_at AS "closedAt"`;

export class CustomerReportRepository {
  /** Records the report, or its replaced link. */
  async record(manager: EntityManager, report: Omit<CustomerReport, 'openedAt' | 'closedAt'>): Promise<void> {
    await manager.query(
      `/* customerReports.record */ INSERT INTO shops.customer_report (inspection_id, org_id, shop_id, customer_id, sealed_url, expires_at, sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (inspection_id) DO UPDATE SET sealed_url = excluded.sealed_url, expires_at = excluded.expires_at`,
      [report.inspectionId, report.orgId, report.shopId, report.customerId, report.sealedUrl, report.expiresAt, report.sentAt],
    );
  }

  async find(manager: EntityManager, inspectionId: string): Promise<CustomerReport | null> {
    const [row] = await queryRows<CustomerReport>(manager, `/* customerReports.find */ SELECT ${columns} FROM shops.customer_report WHERE inspection_id = $1`, [inspectionId]);
    return row ?? null;
  }

  async markOpened(manager: EntityManager, inspectionId: string, at: Date): Promise<void> {
    await manager.query(`/* customerReports.markOpened */ UPDATE shops.customer_report SET opened_at = coalesce(opened_at, $2) WHERE inspection_id = $1`, [inspectionId, at]);
  }

  async markClosed(manager: EntityManager, inspectionId: string, at: Date): Promise<void> {
    await manager.query(`/* customerReports.markClosed */ UPDATE shops.customer_report SET closed_at = coalesce(closed_at, $2) WHERE inspection_id = $1`, [inspectionId, at]);
  }
}
