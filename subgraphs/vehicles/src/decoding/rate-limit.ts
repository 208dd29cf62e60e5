/**
 * A client-side token bucket: at most `perSecond` requests a second on average, `burst` at once.
 * Callers over the rate wait their turn in arrival order instead of failing.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt = Date.now();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  /** Resolves when the caller may send; the wait is reserved at once, so later callers queue behind it. */
  async acquire(): Promise<void> {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
    this.tokens -= 1;
    if (this.tokens >= 0) return;
    await new Promise((resolve) => setTimeout(resolve, (-this.tokens / this.perSecond) * 1000));
  }
}
