import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createSecretBox, loadConfig } from '@cip/platform';
import { totpSecretContext } from '../data/mfa';

/**
 * Authenticator-app secrets sealed at rest (AES-256-GCM under MFA_SECRET_KEY, read from this process's
 * environment as the service reads it): existing rows are sealed in place, and the column then accepts
 * sealed values only. A version still serving during the release reads sealed values as seeds and refuses
 * authenticator codes until it is replaced; recovery codes keep working.
 */
export class SealedTotpSecrets1765200000000 implements MigrationInterface {
  name = 'SealedTotpSecrets1765200000000';

  async up(q: QueryRunner): Promise<void> {
    const box = createSecretBox(loadConfig('shops').mfa.secretKeys);
    const rows: { userId: string; secret: string }[] = await q.query(`SELECT user_id AS "userId", secret FROM shops.totp_factor FOR UPDATE`);
    for (const row of rows) {
      if (box.isSealed(row.secret)) continue;
      await q.query(`UPDATE shops.totp_factor SET secret = $2 WHERE user_id = $1`, [row.userId, box.seal(row.secret, totpSecretContext(row.userId))]);
    }
    await q.query(`ALTER TABLE shops.totp_factor ADD CONSTRAINT totp_factor_secret_sealed CHECK (secret LIKE 'aes256gcm:%')`);
  }

  async down(q: QueryRunner): Promise<void> {
    const box = createSecretBox(loadConfig('shops').mfa.secretKeys);
    await q.query(`ALTER TABLE shops.totp_factor DROP CONSTRAINT totp_factor_secret_sealed`);
    const rows: { userId: string; secret: string }[] = await q.query(`SELECT user_id AS "userId", secret FROM shops.totp_factor FOR UPDATE`);
    for (const row of rows) {
      await q.query(`UPDATE shops.totp_factor SET secret = $2 WHERE user_id = $1`, [row.userId, box.open(row.secret, totpSecretContext(row.userId))]);
    }
  }
}
