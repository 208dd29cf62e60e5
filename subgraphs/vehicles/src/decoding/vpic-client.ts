import CircuitBreaker from 'opossum';
import type { Logger } from '@cip/platform';
import { decimal, integer, text, type VehicleFields } from './fields';
import { TokenBucket } from './rate-limit';

export interface VpicClientOptions {
  /** vPIC's API root, e.g. "https://vpic.nhtsa.dot.gov/api" (VPIC_BASE_URL). */
  baseUrl: string;
  /** Time one HTTP attempt may take before it is abandoned. */
  timeoutMs: number;
  /** Further attempts after a failed one. */
  retries: number;
  /** First back-off; doubles with each retry, plus up to 50 % jitter. */
  backoffMs: number;
  /** Client-side rate limit: requests per second, and how many may go at once. */
  requestsPerSecond: number;
  burst: number;
  breaker: {
    /** Failures in the rolling window before the breaker may open. */
    volumeThreshold: number;
    errorThresholdPercentage: number;
    /** How long the breaker stays open before letting one trial request through. */
    resetTimeoutMs: number;
    rollingWindowMs: number;
  };
  logger?: Logger;
}

export const defaultVpicOptions: Omit<VpicClientOptions, 'baseUrl'> = {
  timeoutMs: 2_500,
  retries: 2,
  backoffMs: 250,
  requestsPerSecond: 5,
  burst: 5,
  breaker: { volumeThreshold: 5, errorThresholdPercentage: 50, resetTimeoutMs: 30_000, rollingWindowMs: 60_000 },
};

/** DecodeVINValuesBatch takes at most this many VINs per call. */
export const vpicBatchLimit = 50;

export class VpicUnavailableError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
    this.name = 'VpicUnavailableError';
  }
}

type VpicRow = Record<string, unknown>;

/**
 * The NHTSA vPIC API: DecodeVinValues for one VIN, DecodeVINValuesBatch for up to 50. Every HTTP attempt
 * goes through the rate limit and the circuit breaker; failed attempts are retried with back-off unless
 * the breaker is open, in which case calls fail at once until its reset timeout lets a trial through.
 */
export class VpicClient {
  private readonly breaker: CircuitBreaker<[string, RequestInit], VpicRow[]>;
  private readonly bucket: TokenBucket;
  private readonly controller = new AbortController();

  constructor(private readonly options: VpicClientOptions) {
    this.bucket = new TokenBucket(options.requestsPerSecond, options.burst);
    this.breaker = new CircuitBreaker((url: string, init: RequestInit) => this.attempt(url, init), {
      timeout: false,
      volumeThreshold: options.breaker.volumeThreshold,
      errorThresholdPercentage: options.breaker.errorThresholdPercentage,
      resetTimeout: options.breaker.resetTimeoutMs,
      rollingCountTimeout: options.breaker.rollingWindowMs,
      errorFilter: (error: unknown) => error instanceof VpicUnavailableError && !error.retryable,
    });
    this.breaker.on('open', () => options.logger?.debug('vPIC circuit breaker opened'));
    this.breaker.on('close', () => options.logger?.debug('vPIC circuit breaker closed'));
  }

  /** "CLOSED" (calls go through), "OPEN" (calls fail at once) or "HALF_OPEN" (one trial call allowed). */
  get state(): 'CLOSED' | 'OPEN' | 'HALF_OPEN' {
    if (this.breaker.halfOpen) return 'HALF_OPEN';
    return this.breaker.opened ? 'OPEN' : 'CLOSED';
  }

  /** Decodes VINs in calls of at most 50; returns what vPIC said per VIN (VINs it returned nothing for are absent). */
  async decode(vins: readonly string[]): Promise<Map<string, Partial<VehicleFields>>> {
    const results = new Map<string, Partial<VehicleFields>>();
    for (let start = 0; start < vins.length; start += vpicBatchLimit) {
      const chunk = vins.slice(start, start + vpicBatchLimit);
      const rows =
        chunk.length === 1
          ? await this.call(`${this.root()}/vehicles/DecodeVinValues/${encodeURIComponent(chunk[0])}?format=json`, { method: 'GET' })
          : await this.call(`${this.root()}/vehicles/DecodeVINValuesBatch/`, {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams({ format: 'json', DATA: chunk.join(';') }).toString(),
            });
      for (const [index, row] of rows.entries()) {
        const vin = text(row.VIN)?.toUpperCase() ?? chunk[index];
        if (chunk.includes(vin)) results.set(vin, toFields(row));
      }
    }
    return results;
  }

  /** Aborts requests in flight and stops the breaker's timers. */
  close(): void {
    this.controller.abort();
    this.breaker.shutdown();
  }

  private root() {
    return this.options.baseUrl.replace(/\/+$/, '');
  }

  private async call(url: string, init: RequestInit): Promise<VpicRow[]> {
    for (let attempt = 0; ; attempt++) {
      if (this.breaker.opened) throw new VpicUnavailableError('vPIC circuit breaker is open', false);
      await this.bucket.acquire();
      try {
        return await this.breaker.fire(url, init);
      } catch (error) {
        const retryable = !(error instanceof VpicUnavailableError) || error.retryable;
        if (this.controller.signal.aborted || !retryable || attempt >= this.options.retries || this.breaker.opened) {
          throw error instanceof VpicUnavailableError ? error : new VpicUnavailableError(String((error as Error)?.message ?? error), false);
        }
        const delay = this.options.backoffMs * 2 ** attempt * (1 + Math.random() * 0.5);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private async attempt(url: string, init: RequestInit): Promise<VpicRow[]> {
    const signal = AbortSignal.any([this.controller.signal, AbortSignal.timeout(this.options.timeoutMs)]);
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal, headers: { accept: 'application/json', ...init.headers } });
    } catch (error) {
      const reason = (error as Error)?.name === 'TimeoutError' ? `timed out after ${this.options.timeoutMs} ms` : String((error as Error)?.message ?? error);
      throw new VpicUnavailableError(`vPIC request failed: ${reason}`, true);
    }
    if (response.status >= 500 || response.status === 429) {
      await response.body?.cancel();
      throw new VpicUnavailableError(`vPIC answered ${response.status}`, true);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new VpicUnavailableError(`vPIC refused the request with ${response.status}`, false);
    }
    const body = (await response.json().catch(() => null)) as { Results?: unknown } | null;
    if (!body || !Array.isArray(body.Results)) throw new VpicUnavailableError('vPIC answered without Results', true);
    return body.Results as VpicRow[];
  }
}

function toFields(row: VpicRow): Partial<VehicleFields> {
  return {
    modelYear: integer(row.ModelYear),
    make: text(row.Make)?.toUpperCase() ?? null,
    manufacturer: text(row.Manufacturer),
    model: text(row.Model),
    trim: text(row.Trim),
    series: text(row.Series),
    bodyClass: text(row.BodyClass),
    vehicleType: text(row.VehicleType)?.toUpperCase() ?? null,
    driveType: text(row.DriveType),
    fuelTypePrimary: text(row.FuelTypePrimary),
    fuelTypeSecondary: text(row.FuelTypeSecondary),
    electrificationLevel: text(row.ElectrificationLevel),
    engineCylinders: integer(row.EngineCylinders),
    displacementLiters: decimal(row.DisplacementL),
    gvwr: text(row.GVWR),
  };
}
