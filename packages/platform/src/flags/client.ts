import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { OpenFeature, type Client } from '@openfeature/server-sdk';
import type { DataSource } from 'typeorm';
import { closeRedis, redisClient, type RedisConnection } from '../cache/redis-client';
import type { Config } from '../config';
import { openDatabase } from '../db/data-source';
import { listenForever, type Listener } from '../db/pg-client';
import { setProcessLogLevel, type LogLevel, type Logger } from '../logger';
import { flagCatalog } from './catalog';
import type { FlagDefinition } from './definition';
import { flagMigrations } from './migrations';
import { PlatformFlagProvider } from './provider';
import type { FlagContext, Resolution } from './rules';
import { FlagRepository, flagsChannel, type StoredFlag } from './store';

/** How a process learnt of a change: pushed (Redis pub/sub, PostgreSQL NOTIFY) or found by its poll. */
export type FlagSource = 'start' | 'redis' | 'postgres' | 'poll';

export interface FlagEvaluation<T> {
  value: T;
  variant?: string;
  reason: Resolution['reason'] | 'ERROR';
}

export interface FlagsOptions {
  databaseUrl: string;
  config: Config;
  logger: Logger;
  /** The flags this process knows; the platform catalog by default. */
  catalog?: readonly FlagDefinition[];
  /** How often the store is read whatever is pushed; FLAGS_POLL_MS by default. */
  pollMs?: number;
}

/**
 * A process's flags: an in-memory snapshot of the store, evaluated without any I/O, kept current by changes
 * pushed over Redis (when configured) or PostgreSQL NOTIFY, and by a poll that catches whatever a push missed.
 * A store that cannot be read leaves the snapshot as it was (at start: empty, so every flag answers its default).
 */
export class PlatformFlags {
  readonly provider: PlatformFlagProvider;
  /** The OpenFeature client every service evaluates through. */
  readonly client: Client;
  readonly catalog: readonly FlagDefinition[];
  private readonly definitions: Map<string, FlagDefinition>;
  private repository?: FlagRepository;
  private dataSource?: DataSource;
  private version = 0;
  private listeners = new Set<(change: { version: number; keys: string[]; via: FlagSource }) => void>();
  private loading?: Promise<void>;
  private again: FlagSource | undefined;
  private timer?: NodeJS.Timeout;
  private pgListener?: Listener;
  private subscriber?: RedisConnection;
  private publisher?: RedisConnection;
  private closed = false;

  private constructor(private readonly options: FlagsOptions) {
    this.catalog = options.catalog ?? flagCatalog;
    this.definitions = new Map(this.catalog.map((definition) => [definition.key, definition]));
    this.provider = new PlatformFlagProvider(this.definitions);
    const domain = `cip-flags-${randomUUID()}`;
    OpenFeature.setProvider(domain, this.provider);
    this.client = OpenFeature.getClient(domain);
  }

  static async open(options: FlagsOptions): Promise<PlatformFlags> {
    const flags = new PlatformFlags(options);
    await flags.connect();
    return flags;
  }

  get redisChannel(): string {
    return `${this.options.config.busNamespace}:flags`;
  }

  /** The highest change this process has applied. */
  get appliedVersion(): number {
    return this.version;
  }

  definition(key: string): FlagDefinition | undefined {
    return this.definitions.get(key);
  }

  /** Synchronous evaluation for hot paths; `client` gives the same answers through OpenFeature. */
  evaluate<T>(definition: FlagDefinition<T>, context: FlagContext = {}): FlagEvaluation<T> {
    return this.provider.resolve(definition.key, definition.defaultValue, context) as FlagEvaluation<T>;
  }

  value<T>(definition: FlagDefinition<T>, context: FlagContext = {}): T {
    return this.evaluate(definition, context).value;
  }

  /**
   * The value operators stored for a setting, or undefined while they stored none (or turned it off): for
   * settings whose fallback is the process's own configuration (LOG_LEVEL, WEBHOOK_RETRY_BASE_MS) rather than the code default.
   */
  stored<T>(definition: FlagDefinition<T>, context: FlagContext = {}): T | undefined {
    const evaluation = this.evaluate(definition, context);
    return evaluation.reason === 'DEFAULT' || evaluation.reason === 'DISABLED' || evaluation.reason === 'ERROR' ? undefined : evaluation.value;
  }

  /** Called after each applied change (also with `via: 'start'` for the first load). */
  onChange(listener: (change: { version: number; keys: string[]; via: FlagSource }) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every process a change was committed (the NOTIFY went with the transaction; this is the Redis push). */
  async announce(version: number): Promise<void> {
    if (!this.publisher) return;
    await this.publisher.publish(this.redisChannel, String(version)).catch((error: Error) =>
      this.options.logger.warn('flag change not pushed over Redis; replicas see it at their next poll', { error: error.message }),
    );
  }

  /** Reads the store again now (tests, and the poll). */
  refresh(via: FlagSource = 'poll'): Promise<void> {
    if (this.loading) {
      this.again ??= via;
      return this.loading;
    }
    this.loading = this.load(via).finally(() => {
      this.loading = undefined;
      const next = this.again;
      this.again = undefined;
      if (next && !this.closed) void this.refresh(next);
    });
    return this.loading;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.loading;
    await this.pgListener?.close();
    if (this.subscriber) await closeRedis(this.subscriber);
    if (this.publisher) await closeRedis(this.publisher);
    if (this.dataSource?.isInitialized) await this.dataSource.destroy();
  }

  private async connect() {
    const { config, logger, databaseUrl } = this.options;
    await this.openStore();
    await this.refresh('start');
    if (config.redisUrl) {
      const connection = { url: config.redisUrl, logger, commandTimeoutMs: config.redis.commandTimeoutMs };
      this.publisher = redisClient({ ...connection, name: 'flags-publisher' });
      this.subscriber = redisClient({ ...connection, name: 'flags-subscriber', commandTimeoutMs: undefined });
      let subscribed = false;
      const subscriber = this.subscriber;
      const ready = new Promise<void>((resolve) => {
        // A subscriber that was away may have missed a push: read the store whenever it is back.
        subscriber.on('ready', () => {
          void this.refresh('redis');
          if (subscribed) return resolve();
          subscriber.subscribe(this.redisChannel, () => void this.refresh('redis')).then(
            () => ((subscribed = true), resolve()),
            () => undefined,
          );
        });
      });
      for (const client of [this.publisher, this.subscriber]) {
        client.connect().catch((error: Error) => logger.warn('flag changes not pushed over Redis until it is reachable; polling meanwhile', { error: error.message }));
      }
      await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    } else {
      this.pgListener = await listenForever({
        connect: async () => {
          const client = new pg.Client({ connectionString: databaseUrl, application_name: 'flags-listener' });
          await client.connect();
          return client;
        },
        channels: [flagsChannel],
        logger,
        label: 'flag listener',
        onNotify: () => void this.refresh('postgres'),
      }).catch((error: Error) => {
        logger.warn('flag changes not pushed over PostgreSQL; polling', { error: error.message });
        return undefined;
      });
    }
    this.timer = setInterval(() => void this.refresh('poll'), this.options.pollMs ?? config.flags.pollMs);
    this.timer.unref();
  }

  private async openStore(): Promise<FlagRepository | undefined> {
    if (this.repository) return this.repository;
    try {
      const { dataSource } = await openDatabase({
        url: this.options.databaseUrl,
        schema: 'platform',
        entities: [],
        migrations: flagMigrations,
        // Migrating holds one connection for the lock while TypeORM runs on another; idle ones close on their own.
        poolMax: 2,
        applicationName: `${this.options.config.service}-flags`,
      });
      this.dataSource = dataSource;
      this.repository = new FlagRepository(dataSource);
      return this.repository;
    } catch (error) {
      this.options.logger.warn('flag store unreachable; every flag answers its last known value or its default', { error: (error as Error).message });
      return undefined;
    }
  }

  private async load(via: FlagSource) {
    try {
      const repository = await this.openStore();
      if (!repository) return;
      const latest = await repository.latestVersion();
      if (latest === this.version && via !== 'start') return;
      const flags = await repository.all();
      const changed = this.provider.replace(flags);
      this.version = Math.max(latest, ...flags.map((flag) => flag.version), 0);
      // Before the line below, so the change that raises the level is itself logged at it.
      const logLevel = this.definitions.get('platform.log-level') as FlagDefinition<LogLevel | 'silent'> | undefined;
      if (logLevel) setProcessLogLevel(this.stored(logLevel));
      if (changed.length > 0 || via === 'start') {
        this.options.logger.info('feature flags updated', { version: this.version, keys: changed, via });
        for (const listener of this.listeners) listener({ version: this.version, keys: changed, via });
      }
    } catch (error) {
      this.options.logger.warn('flag store read failed; keeping the flags as they were', { error: (error as Error).message });
    }
  }
}

export type { StoredFlag };
