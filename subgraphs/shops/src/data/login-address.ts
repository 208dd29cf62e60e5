import { EntitySchema, type EntityManager } from 'typeorm';

/** A client address a user has signed in from: sign-ins from it skip the account-wide throttle, and a new one is news to the user. */
export interface LoginAddress {
  userId: string;
  address: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export const LoginAddressEntity = new EntitySchema<LoginAddress>({
  name: 'LoginAddress',
  tableName: 'login_address',
  columns: {
    userId: { type: 'uuid', name: 'user_id', primary: true },
    address: { type: 'text', primary: true },
    firstSeenAt: { type: 'timestamptz', name: 'first_seen_at' },
    lastSeenAt: { type: 'timestamptz', name: 'last_seen_at' },
  },
});

export class LoginAddressRepository {
  constructor(private readonly manager: EntityManager) {}

  async isFamiliar(userId: string, address: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `/* loginAddresses.isFamiliar */ SELECT 1 FROM shops.login_address WHERE user_id = $1 AND address = $2`,
      [userId, address],
    );
    return rows.length > 0;
  }

  /** Records a successful sign-in from `address`; true when the user had never signed in from it. */
  async remember(manager: EntityManager, userId: string, address: string): Promise<boolean> {
    const [row] = (await manager.query(
      `/* loginAddresses.remember */ INSERT INTO shops.login_address (user_id, address, first_seen_at, last_seen_at) VALUES ($1, $2, now(), now())
       ON CONFLICT (user_id, address) DO UPDATE SET last_seen_at = now()
       RETURNING (xmax = 0) AS "inserted"`,
      [userId, address],
    )) as { inserted: boolean }[];
    return row.inserted;
  }
}
