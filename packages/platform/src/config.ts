import { createHash } from 'node:crypto';
import { z } from 'zod';

export const subgraphNames = ['shops', 'inspections', 'vehicles', 'partners', 'analytics'] as const;
export type SubgraphName = (typeof subgraphNames)[number];
export type ServiceName = SubgraphName | 'gateway';

export const defaultPorts: Record<ServiceName, number> = {
  gateway: 4000,
  shops: 4001,
  inspections: 4002,
  vehicles: 4003,
  partners: 4004,
  analytics: 4005,
};

const port = z.coerce.number().int().min(0).max(65535);
const optionalUrl = z.string().url().optional();
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');
const aesKeyMessage = 'must be 32 random bytes, base64-encoded (openssl rand -base64 32)';
const aesKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9+/]{43}=$/, aesKeyMessage)
  .transform((value) => Buffer.from(value, 'base64'));
const csvAesKeys = z
  .string()
  .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[A-Za-z0-9+/]{43}=$/, `each ${aesKeyMessage}, separated by commas`).transform((value) => Buffer.from(value, 'base64'))));
/** The key a developer's machine and tests seal MFA secrets with: fixed, so restarts and every process agree; refused when deployed. */
const developmentMfaKey = createHash('sha256').update('courtesy-inspection-platform development MFA secret key').digest();
const csvUrls = z
  .string()
  .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(z.string().url()));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'staging', 'production']).default('development'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.optional(),
  SHOPS_URL: optionalUrl,
  INSPECTIONS_URL: optionalUrl,
  VEHICLES_URL: optionalUrl,
  PARTNERS_URL: optionalUrl,
  ANALYTICS_URL: optionalUrl,
  DATABASE_URL: optionalUrl,
  DATABASE_REPLICA_URLS: csvUrls.optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: port.default(54329),
  REDIS_URL: optionalUrl,
  BUS_NAMESPACE: z.string().regex(/^[a-z0-9_]+$/).default('cip'),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  REDIS_RETRY_AFTER_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  BUS_CLAIM_AFTER_MS: z.coerce.number().int().min(500).max(600_000).default(5_000),
  BUS_REPLAY_WINDOW_SECONDS: z.coerce.number().int().min(0).default(3_600),
  RETENTION_BUS_EVENTS_DAYS: z.coerce.number().int().min(1).default(7),
  RETENTION_OUTBOX_DAYS: z.coerce.number().int().min(1).default(7),
  RETENTION_PROCESSED_EVENTS_DAYS: z.coerce.number().int().min(1).default(30),
  RETENTION_WEBHOOK_DELIVERIES_DAYS: z.coerce.number().int().min(1).default(30),
  RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(1).default(60),
  AUTH_ISSUER: z.string().min(1).default('courtesy-inspection-platform'),
  AUTH_AUDIENCE: z.string().min(1).default('cip-api'),
  AUTH_PRIVATE_KEY: z.string().min(1).optional(),
  AUTH_JWKS_URL: optionalUrl,
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).default(30 * 86_400),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  APOLLO_KEY: z.string().min(1).optional(),
  APOLLO_GRAPH_REF: z.string().min(1).optional(),
  APOLLO_USAGE_REPORTING_URL: optionalUrl,
  APOLLO_MANAGED_FEDERATION: bool.optional(),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(10).max(300_000).default(10_000),
  SUBSCRIPTION_ACCESS_CHECK_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),
  SUBGRAPH_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(100),
  SUBGRAPH_QUEUE_MS: z.coerce.number().int().min(0).max(300_000).default(2_000),
  SUBGRAPH_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  SUBGRAPH_RETRY_BASE_MS: z.coerce.number().int().min(1).max(10_000).default(50),
  SUBGRAPH_BREAKER_ERROR_PERCENT: z.coerce.number().int().min(1).max(100).default(50),
  SUBGRAPH_BREAKER_VOLUME: z.coerce.number().int().min(1).default(20),
  SUBGRAPH_BREAKER_RESET_MS: z.coerce.number().int().min(100).default(10_000),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
  WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).default(100),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: bool.optional(),
  VPIC_BASE_URL: z.string().url().default('https://vpic.nhtsa.dot.gov/api'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  SEED_DEMO: bool.default(true),
  FLAGS_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  INTROSPECTION: bool.optional(),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  MFA_SECRET_KEY: aesKey.optional(),
  MFA_SECRET_KEYS_PREVIOUS: csvAesKeys.optional(),
  GATEWAY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().refine((url) => /^smtps?:/.test(url), 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Courtesy Inspection <no-reply@courtesy-inspection.invalid>'),
  SMS_API_URL: optionalUrl,
  SMS_ACCOUNT_SID: z.string().min(1).optional(),
  SMS_AUTH_TOKEN: z.string().min(1).optional(),
  SMS_FROM: z.string().min(1).optional(),
  SMS_STATUS_CALLBACK_URL: optionalUrl,
  MESSAGE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  MESSAGE_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  MESSAGE_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(1_000),
  MEDIA_STORE: z.enum(['local', 's3']).optional(),
  MEDIA_S3_BUCKET: z.string().min(3).max(63).optional(),
  MEDIA_S3_REGION: z.string().min(1).optional(),
  MEDIA_S3_ENDPOINT: optionalUrl,
  MEDIA_S3_FORCE_PATH_STYLE: bool.default(false),
  CORS_ORIGINS: z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.string().url().transform((origin) => new URL(origin).origin)))
    .optional(),
});

type Env = z.infer<typeof schema>;

export interface Config {
  service: ServiceName;
  env: Env['NODE_ENV'];
  /**
   * Staging or production: a deployment, which refuses what only a developer's machine may use (generated
   * signing keys, subgraphs reachable without the gateway's credential, suggestions and landing pages).
   */
  deployed: boolean;
  logLevel: Env['LOG_LEVEL'];
  host: string;
  port: number;
  subgraphUrls: Record<SubgraphName, string>;
  database: { url?: string; replicaUrls: string[]; poolMax: number };
  dataDir: string;
  embeddedPostgresPort: number;
  redisUrl?: string;
  busNamespace: string;
  /** Redis commands fail after `commandTimeoutMs`; the shared store then uses local memory for `retryAfterMs` before trying Redis again. */
  redis: { commandTimeoutMs: number; retryAfterMs: number };
  /**
   * A Redis-bus group's reader holds its lease `claimAfterMs` (a dead reader's pending events move on after it);
   * after a Redis restart that lost data, producers publish again what they published in the last `replayWindowSeconds`.
   */
  bus: { claimAfterMs: number; replayWindowSeconds: number };
  /** Days kept of the tables that would grow forever (published rows only), and how often the sweep runs. */
  retention: { busEventsDays: number; outboxDays: number; processedEventsDays: number; webhookDeliveriesDays: number; intervalMs: number };
  auth: {
    issuer: string;
    audience: string;
    privateKeyPem?: string;
    jwksUrl?: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
  };
  otlpEndpoint?: string;
  /** Studio reporting (key and graph ref); the gateway loads its supergraph from Apollo Uplink only when `managedFederation` says so. */
  apollo: { key?: string; graphRef?: string; usageReportingUrl?: string; managedFederation: boolean };
  /**
   * The gateway's calls to each subgraph: a call not answered within `timeoutMs` fails; at most `maxConcurrency`
   * are in flight, and a call finding none free waits up to `queueMs` (within its budget) for one to end before it
   * is refused (subscription work waits its whole budget); queries that fail on the network or with 502/503/504 are retried `retries` times after a random delay of up to `retryBaseMs` × 2^attempt (mutations never); once
   * `breakerErrorPercent` of at least `breakerVolume` calls in 10 s fail, calls are refused at once for `breakerResetMs`.
   */
  subgraphCalls: {
    timeoutMs: number;
    maxConcurrency: number;
    queueMs: number;
    retries: number;
    retryBaseMs: number;
    breakerErrorPercent: number;
    breakerVolume: number;
    breakerResetMs: number;
  };
  /** How often the gateway checks each WebSocket connection's credentials again (revoked sessions and keys end its subscriptions). */
  subscriptionAccessCheckMs: number;
  /** Webhook delivery: the first retry's delay (doubling after), and consecutive failures before an endpoint is disabled. */
  webhooks: { retryBaseMs: number; disableAfterFailures: number; allowPrivateTargets: boolean };
  vpicBaseUrl: string;
  shutdownTimeoutMs: number;
  seedDemo: boolean;
  /** Feature flags: how often each process reads the flag store whatever was pushed to it. */
  flags: { pollMs: number };
  introspection: boolean;
  /**
   * AES-256-GCM keys for the MFA secrets shops keeps (authenticator-app seeds): new values are sealed under
   * `current`; values sealed under one of `previous` are still read, so a key rotates without downtime.
   */
  mfa: { secretKeys: { current: Buffer; previous: Buffer[] } };
  /**
   * The credential the gateway adds to every subgraph request (`gateway-authorization`); subgraphs given
   * one refuse GraphQL requests without it.
   */
  gatewaySecret?: string;
  /**
   * How many proxies the operator runs in front of the gateway (load balancer, ingress): the client's
   * address is the one the outermost of them recorded in `X-Forwarded-For`. 0: the socket's peer.
   */
  trustedProxyHops: number;
  /** Where customers and staff reach the platform (links in messages, media URLs); the gateway's own URL by default. */
  publicUrl: string;
  /** Browser origins other than the gateway's own that may call it (CORS). */
  corsOrigins: string[];
  /**
   * Customer messages (shops): e-mail over SMTP and SMS through a Twilio-compatible API, each off when unset
   * (messages are then recorded as not sent); failed attempts are retried after `retryBaseSeconds` × 2^n,
   * `maxAttempts` in all; due work is looked for every `pollMs`.
   */
  messaging: {
    smtpUrl?: string;
    mailFrom: string;
    sms?: { apiUrl: string; accountSid: string; authToken: string; from: string; statusCallbackUrl?: string };
    maxAttempts: number;
    retryBaseSeconds: number;
    pollMs: number;
  };
  /**
   * Where inspection photos and videos are kept: `local` disk under `dataDir` (one process only), or an
   * S3-compatible bucket (credentials from the AWS SDK's default chain; `endpoint` for servers other than AWS).
   */
  media: { store: 'local' } | { store: 's3'; bucket: string; region?: string; endpoint?: string; forcePathStyle: boolean };
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Problem = { variable: string; message: string };

/** What a production process refuses: the switches that only make sense on a developer's machine. */
function productionProblems(e: Env): Problem[] {
  return [
    ...(e.INTROSPECTION === true ? [{ variable: 'INTROSPECTION', message: 'must not be on in production (it publishes the whole schema)' }] : []),
    ...(e.WEBHOOK_ALLOW_PRIVATE_TARGETS === true
      ? [{ variable: 'WEBHOOK_ALLOW_PRIVATE_TARGETS', message: 'must not be on in production (webhooks could reach the private network)' }]
      : []),
  ];
}

/** Studio variants that hold production's usage and schema history; a staging process must not report into them. */
const productionVariants = new Set(['current', 'production', 'prod']);

/**
 * What a staging process refuses: production's development switches, except introspection (schema tools run
 * against staging), and reporting to the production variant of the graph in Studio.
 */
function stagingProblems(e: Env): Problem[] {
  const variant = e.APOLLO_GRAPH_REF?.split('@')[1] ?? 'current';
  return [
    ...productionProblems(e)
      .filter((p) => p.variable !== 'INTROSPECTION')
      .map((p) => ({ ...p, message: p.message.replace('in production', 'in staging') })),
    ...(e.APOLLO_GRAPH_REF && productionVariants.has(variant)
      ? [{ variable: 'APOLLO_GRAPH_REF', message: `must name a staging variant in staging, not "${variant}" (e.g. my-graph@staging)` }]
      : []),
  ];
}

/** Parses the environment once; a bad value throws a ConfigError that names each bad variable. */
export function loadConfig(service: ServiceName, env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== '')),
  );
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '(environment)'), message: issue.message })),
    );
  }
  const e = parsed.data;
  const developmentDefaults = e.NODE_ENV === 'production' ? productionProblems(e) : e.NODE_ENV === 'staging' ? stagingProblems(e) : [];
  if (developmentDefaults.length > 0) throw new ConfigError(developmentDefaults);
  const mediaStore = e.MEDIA_STORE ?? (e.NODE_ENV === 'production' || e.NODE_ENV === 'staging' ? 's3' : 'local');
  // Only the inspections subgraph keeps media; the other services parse the same variables and ignore them.
  if (mediaStore === 's3' && !e.MEDIA_S3_BUCKET && (e.MEDIA_STORE === 's3' || service === 'inspections')) {
    throw new ConfigError([
      {
        variable: 'MEDIA_S3_BUCKET',
        message:
          e.MEDIA_STORE === 's3'
            ? 'is required with MEDIA_STORE=s3'
            : 'is required in production and staging: local disk is per process, so with more than one replica a photo uploaded to one is missing on the others (set MEDIA_STORE=local for a single process)',
      },
    ]);
  }
  if (e.APOLLO_MANAGED_FEDERATION && !(e.APOLLO_KEY && e.APOLLO_GRAPH_REF)) {
    throw new ConfigError([{ variable: 'APOLLO_MANAGED_FEDERATION', message: 'managed federation needs APOLLO_KEY and APOLLO_GRAPH_REF' }]);
  }
  const smsMissing = e.SMS_API_URL ? (['SMS_ACCOUNT_SID', 'SMS_AUTH_TOKEN', 'SMS_FROM'] as const).filter((variable) => !e[variable]) : [];
  if (smsMissing.length > 0) throw new ConfigError(smsMissing.map((variable) => ({ variable, message: 'must be set when SMS_API_URL is' })));
  const deployed = e.NODE_ENV === 'production' || e.NODE_ENV === 'staging';
  // Only shops keeps MFA secrets; the other services parse the same variables and ignore them.
  if (deployed && service === 'shops' && (!e.MFA_SECRET_KEY || e.MFA_SECRET_KEY.equals(developmentMfaKey))) {
    throw new ConfigError([
      { variable: 'MFA_SECRET_KEY', message: `is required in ${e.NODE_ENV} (${aesKeyMessage}): without it MFA secrets would be sealed under the development key anyone can derive` },
    ]);
  }
  const subgraphUrl = (name: SubgraphName, value?: string) => value ?? `http://127.0.0.1:${defaultPorts[name]}/graphql`;
  return {
    service,
    env: e.NODE_ENV,
    deployed,
    logLevel: e.LOG_LEVEL,
    host: e.HOST,
    port: e.PORT ?? defaultPorts[service],
    subgraphUrls: {
      shops: subgraphUrl('shops', e.SHOPS_URL),
      inspections: subgraphUrl('inspections', e.INSPECTIONS_URL),
      vehicles: subgraphUrl('vehicles', e.VEHICLES_URL),
      partners: subgraphUrl('partners', e.PARTNERS_URL),
      analytics: subgraphUrl('analytics', e.ANALYTICS_URL),
    },
    database: { url: e.DATABASE_URL, replicaUrls: e.DATABASE_REPLICA_URLS ?? [], poolMax: e.DATABASE_POOL_MAX },
    dataDir: e.DATA_DIR,
    embeddedPostgresPort: e.EMBEDDED_PG_PORT,
    redisUrl: e.REDIS_URL,
    busNamespace: e.BUS_NAMESPACE,
    redis: { commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS, retryAfterMs: e.REDIS_RETRY_AFTER_MS },
    bus: { claimAfterMs: e.BUS_CLAIM_AFTER_MS, replayWindowSeconds: e.BUS_REPLAY_WINDOW_SECONDS },
    retention: {
      busEventsDays: e.RETENTION_BUS_EVENTS_DAYS,
      outboxDays: e.RETENTION_OUTBOX_DAYS,
      processedEventsDays: e.RETENTION_PROCESSED_EVENTS_DAYS,
      webhookDeliveriesDays: e.RETENTION_WEBHOOK_DELIVERIES_DAYS,
      intervalMs: e.RETENTION_INTERVAL_MINUTES * 60_000,
    },
    auth: {
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      privateKeyPem: e.AUTH_PRIVATE_KEY?.replace(/\\n/g, '\n'),
      jwksUrl: e.AUTH_JWKS_URL,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
    },
    otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
    apollo: { key: e.APOLLO_KEY, graphRef: e.APOLLO_GRAPH_REF, usageReportingUrl: e.APOLLO_USAGE_REPORTING_URL, managedFederation: e.APOLLO_MANAGED_FEDERATION ?? false },
    subgraphCalls: {
      timeoutMs: e.SUBGRAPH_TIMEOUT_MS,
      maxConcurrency: e.SUBGRAPH_MAX_CONCURRENCY,
      queueMs: e.SUBGRAPH_QUEUE_MS,
      retries: e.SUBGRAPH_RETRIES,
      retryBaseMs: e.SUBGRAPH_RETRY_BASE_MS,
      breakerErrorPercent: e.SUBGRAPH_BREAKER_ERROR_PERCENT,
      breakerVolume: e.SUBGRAPH_BREAKER_VOLUME,
      breakerResetMs: e.SUBGRAPH_BREAKER_RESET_MS,
    },
    subscriptionAccessCheckMs: e.SUBSCRIPTION_ACCESS_CHECK_MS,
    webhooks: {
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
      disableAfterFailures: e.WEBHOOK_DISABLE_AFTER_FAILURES,
      allowPrivateTargets: e.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? !deployed,
    },
    vpicBaseUrl: e.VPIC_BASE_URL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    seedDemo: e.SEED_DEMO,
    flags: { pollMs: e.FLAGS_POLL_MS },
    introspection: e.INTROSPECTION ?? !deployed,
    mfa: { secretKeys: { current: e.MFA_SECRET_KEY ?? developmentMfaKey, previous: e.MFA_SECRET_KEYS_PREVIOUS ?? [] } },
    gatewaySecret: e.GATEWAY_SECRET,
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${service === 'gateway' ? (e.PORT ?? defaultPorts.gateway) : defaultPorts.gateway}`).replace(/\/+$/, ''),
    corsOrigins: e.CORS_ORIGINS ?? [],
    messaging: {
      smtpUrl: e.SMTP_URL,
      mailFrom: e.MAIL_FROM,
      sms:
        e.SMS_API_URL && e.SMS_ACCOUNT_SID && e.SMS_AUTH_TOKEN && e.SMS_FROM
          ? { apiUrl: e.SMS_API_URL.replace(/\/+$/, ''), accountSid: e.SMS_ACCOUNT_SID, authToken: e.SMS_AUTH_TOKEN, from: e.SMS_FROM, statusCallbackUrl: e.SMS_STATUS_CALLBACK_URL }
          : undefined,
      maxAttempts: e.MESSAGE_MAX_ATTEMPTS,
      retryBaseSeconds: e.MESSAGE_RETRY_BASE_SECONDS,
      pollMs: e.MESSAGE_POLL_MS,
    },
    media:
      mediaStore === 's3' && e.MEDIA_S3_BUCKET
        ? { store: 's3', bucket: e.MEDIA_S3_BUCKET, region: e.MEDIA_S3_REGION, endpoint: e.MEDIA_S3_ENDPOINT, forcePathStyle: e.MEDIA_S3_FORCE_PATH_STYLE }
        : { store: 'local' },
  };
}
