import type { DataSource } from 'typeorm';
import type { KeyValueStore, Logger } from '@cip/platform';
import { DecodedVinRepository } from '../data/decoded-vin';
import { checkDigit, modelYear, type CheckDigit } from '../domain/vin';
import { emptyFields, fillMissing, type DecodedVin, type VehicleFields } from './fields';
import type { OfflineDecoder } from './offline';
import type { VpicClient } from './vpic-client';

export type DecodeWarningCode = 'CHECK_DIGIT_MISMATCH' | 'MODEL_YEAR_UNKNOWN' | 'ONLINE_DATA_MISSING' | 'NOT_DECODED';

export interface DecodeWarning {
  code: DecodeWarningCode;
  message: string;
  expectedCheckDigit: string | null;
}

export type ServedFrom = 'HOT_CACHE' | 'DATABASE_CACHE' | 'DECODERS';

export interface DecodeResult {
  vin: string;
  decoded: DecodedVin;
  checkDigit: CheckDigit;
  warnings: DecodeWarning[];
  servedFrom: ServedFrom;
}

export interface VinDecoderOptions {
  offline: OfflineDecoder | null;
  online: VpicClient | null;
  store: KeyValueStore;
  dataSource: DataSource;
  logger: Logger;
  /** How long a decode waits for vPIC before it answers with what it has; vPIC's answer is still cached when it comes. */
  onlineWaitMs: number;
  /** How long a decode stays in the hot store (Redis when configured). */
  hotTtlSeconds: number;
  /** How long to wait before asking vPIC again for a cached VIN it has not answered for. */
  refillAfterSeconds: number;
  /** Called with every decode that vPIC completed after its caller had been answered. */
  onLateFill?: (decoded: DecodedVin) => Promise<void>;
}

export const defaultDecoderTiming = { onlineWaitMs: 600, hotTtlSeconds: 24 * 3600, refillAfterSeconds: 600 };

const hotKey = (vin: string) => `vehicles:vin:${vin}`;
const refillKey = (vin: string) => `vehicles:vpic-asked:${vin}`;

/**
 * Decodes valid VINs through three tiers: the cache (hot store, then Postgres), the offline vPIC data,
 * and the vPIC API for whatever the offline data lacks. vPIC is asked at the same time as the offline
 * decoder runs and waited for at most `onlineWaitMs`; if it is slow, down or its breaker is open, the
 * caller gets the offline answer and vPIC's later answer, if any, fills the cache for next time.
 */
export class VinDecoder {
  private readonly repository: DecodedVinRepository;
  private readonly background = new Set<Promise<void>>();
  /** Whether the last vPIC call failed: an unreachable vPIC is expected offline, so it is reported once per outage, at info. */
  private vpicUnreachable = false;

  constructor(private readonly options: VinDecoderOptions) {
    this.repository = new DecodedVinRepository(options.dataSource.manager);
  }

  get onlineState(): 'CLOSED' | 'OPEN' | 'HALF_OPEN' | 'DISABLED' {
    return this.options.online?.state ?? 'DISABLED';
  }

  get offlineVersion(): string | null {
    return this.options.offline?.version ?? null;
  }

  /** Decodes VINs that passed validation; one result per distinct VIN, in first-seen order. */
  async decode(vins: readonly string[]): Promise<DecodeResult[]> {
    const started = Date.now();
    const unique = [...new Set(vins)];
    const found = new Map<string, { decoded: DecodedVin; servedFrom: ServedFrom }>();

    const hot = await Promise.all(unique.map((vin) => this.options.store.get(hotKey(vin)).catch(() => null)));
    unique.forEach((vin, i) => hot[i] && found.set(vin, { decoded: JSON.parse(hot[i]!) as DecodedVin, servedFrom: 'HOT_CACHE' }));
    const notHot = unique.filter((vin) => !found.has(vin));
    const stored = await this.repository.findByVins(notHot);
    notHot.forEach((vin, i) => stored[i] && found.set(vin, { decoded: stored[i]!, servedFrom: 'DATABASE_CACHE' }));
    await Promise.all(stored.filter((d): d is DecodedVin => d !== null).map((d) => this.setHot(d)));

    const missing = unique.filter((vin) => !found.has(vin));
    const refills = await this.claimRefills([...found.values()].map((f) => f.decoded).filter((d) => !hasOnline(d)));
    const askOnline = this.options.online && this.options.online.state !== 'OPEN' ? [...missing, ...refills] : [];
    const online = askOnline.length > 0 ? this.askOnline(askOnline) : null;

    const offline = new Map<string, VehicleFields | null>();
    for (const vin of missing) offline.set(vin, await this.decodeOffline(vin));
    const onlineAnswer = online ? await within(online, Math.max(0, started + this.options.onlineWaitMs - Date.now())) : null;

    const changed: DecodedVin[] = [];
    for (const vin of missing) {
      const decoded = merge(vin, null, offline.get(vin) ?? null, onlineAnswer?.get(vin), this.offlineVersion);
      found.set(vin, { decoded, servedFrom: 'DECODERS' });
      if (isDecoded(decoded)) changed.push(decoded);
    }
    if (onlineAnswer) {
      for (const vin of refills) {
        const entry = found.get(vin)!;
        entry.decoded = merge(vin, entry.decoded, null, onlineAnswer.get(vin), this.offlineVersion);
        changed.push(entry.decoded);
      }
    } else if (online) {
      this.track(this.fillLater(online, askOnline));
    }
    await this.persist(changed);

    return unique.map((vin) => {
      const { decoded, servedFrom } = found.get(vin)!;
      return { vin, decoded, checkDigit: checkDigit(vin), warnings: warningsFor(vin, decoded, this.options.online !== null), servedFrom };
    });
  }

  /** Resolves when every late vPIC fill started so far has been written. */
  async idle(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  async close(): Promise<void> {
    this.options.online?.close();
    await this.idle();
    await this.options.offline?.close();
  }

  private async decodeOffline(vin: string): Promise<VehicleFields | null> {
    const offline = this.options.offline;
    if (!offline) return null;
    try {
      const assumed = modelYear(vin);
      const fields = await offline.decode(vin, assumed);
      if (!fields) return null;
      const year = modelYear(vin, fields.vehicleType);
      if (year === assumed) return { ...fields, modelYear: year };
      const redecoded = await offline.decode(vin, year);
      return redecoded ? { ...redecoded, modelYear: year } : { ...fields, modelYear: year };
    } catch (error) {
      this.options.logger.error('offline VIN decoding failed', { error, vin });
      return null;
    }
  }

  private askOnline(vins: string[]): Promise<Map<string, Partial<VehicleFields>> | null> {
    return this.options.online!.decode(vins).then(
      (answer) => {
        if (this.vpicUnreachable) this.options.logger.info('vPIC answers again; decoding online data too');
        this.vpicUnreachable = false;
        return answer;
      },
      (error: unknown) => {
        if (!this.vpicUnreachable) this.options.logger.info('vPIC unreachable; decoding from offline data until it answers', { reason: (error as Error)?.message });
        this.vpicUnreachable = true;
        return null;
      },
    );
  }

  /** Cached decodes vPIC never answered for, at most once per `refillAfterSeconds` each (across processes when the store is Redis). */
  private async claimRefills(decodes: DecodedVin[]): Promise<string[]> {
    if (!this.options.online || this.options.online.state === 'OPEN' || decodes.length === 0) return [];
    const claims = await Promise.all(
      decodes.map(async (d) => ((await this.options.store.increment(refillKey(d.vin), this.options.refillAfterSeconds).catch(() => 2)) === 1 ? d.vin : null)),
    );
    return claims.filter((vin): vin is string => vin !== null);
  }

  private async fillLater(online: Promise<Map<string, Partial<VehicleFields>> | null>, vins: string[]): Promise<void> {
    const answer = await online;
    if (!answer || answer.size === 0) return;
    const current = await this.repository.findByVins(vins);
    const filled = vins.flatMap((vin, i) => (answer.has(vin) ? [merge(vin, current[i], null, answer.get(vin), this.offlineVersion)] : []));
    await this.persist(filled);
    for (const decoded of filled) await this.options.onLateFill?.(decoded);
  }

  private track(task: Promise<void>) {
    const tracked = task.catch((error: unknown) => this.options.logger.error('late vPIC fill failed', { error })).finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }

  private async persist(decodes: DecodedVin[]): Promise<void> {
    if (decodes.length === 0) return;
    await this.repository.save(decodes);
    await Promise.all(decodes.map((d) => this.setHot(d)));
  }

  private async setHot(decoded: DecodedVin): Promise<void> {
    await this.options.store.set(hotKey(decoded.vin), JSON.stringify(decoded), this.options.hotTtlSeconds).catch(() => undefined);
  }
}

/** Whether any tier knew the vehicle; VINs nobody knows are not cached, so a later decode tries again. */
function isDecoded(decoded: DecodedVin): boolean {
  return decoded.fields.make !== null || decoded.fields.model !== null;
}

function hasOnline(decoded: DecodedVin): boolean {
  return decoded.sources.some((s) => s.source === 'VPIC_API');
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Adds one tier's fields to a decode: only fields still missing are taken, and the tier is recorded with what it supplied. */
function merge(vin: string, base: DecodedVin | null, offline: VehicleFields | null, online: Partial<VehicleFields> | undefined, offlineVersion: string | null): DecodedVin {
  const now = new Date().toISOString();
  let fields = base?.fields ?? emptyFields();
  const sources = [...(base?.sources ?? [])];
  let changed = false;
  if (!base) {
    const year = offline?.modelYear ?? modelYear(vin);
    if (year !== null) {
      fields = { ...fields, modelYear: year };
      sources.push({ source: 'VIN', retrievedAt: now, version: null, fields: ['modelYear'] });
    }
  }
  if (offline) {
    const result = fillMissing(fields, offline);
    fields = result.fields;
    sources.push({ source: 'OFFLINE_VPIC', retrievedAt: now, version: offlineVersion, fields: result.filled });
    changed = true;
  }
  if (online) {
    const result = fillMissing(fields, online);
    fields = result.fields;
    sources.push({ source: 'VPIC_API', retrievedAt: now, version: null, fields: result.filled });
    changed = true;
  }
  return { vin, fields, sources, decodedAt: changed || !base ? now : base.decodedAt };
}

function warningsFor(vin: string, decoded: DecodedVin, onlineConfigured: boolean): DecodeWarning[] {
  const warnings: DecodeWarning[] = [];
  const digit = checkDigit(vin);
  if (!digit.valid) {
    warnings.push({
      code: 'CHECK_DIGIT_MISMATCH',
      message: `Position 9 is "${digit.actual}" but the rest of the VIN calls for "${digit.expected}": the VIN may be mistyped. Decoded anyway.`,
      expectedCheckDigit: digit.expected,
    });
  }
  if (decoded.fields.modelYear === null) {
    warnings.push({ code: 'MODEL_YEAR_UNKNOWN', message: `Position 10 ("${vin[9]}") names no model year.`, expectedCheckDigit: null });
  }
  if (!isDecoded(decoded)) {
    warnings.push({ code: 'NOT_DECODED', message: "Neither NHTSA's offline data nor the vPIC API knows this VIN.", expectedCheckDigit: null });
  } else if (onlineConfigured && !hasOnline(decoded)) {
    warnings.push({
      code: 'ONLINE_DATA_MISSING',
      message: 'The vPIC API did not answer in time: fields only it knows (often trim and drive type) may be missing. A later decode will have them once it answers.',
      expectedCheckDigit: null,
    });
  }
  return warnings;
}
