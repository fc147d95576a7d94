/** Latency samples (ms) and status counts of one workload. */
export class Samples {
  private values: number[] = [];
  readonly statuses = new Map<number | string, number>();

  add(ms: number, status: number | string) {
    this.values.push(ms);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  get count() {
    return this.values.length;
  }

  /** The p-th percentile (0–100) by the nearest-rank method. */
  percentile(p: number): number {
    if (this.values.length === 0) return NaN;
    const sorted = Float64Array.from(this.values).sort();
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[rank]!;
  }

  /** How many answers did not have one of the expected statuses. */
  unexpected(expected: number[]): number {
    let n = 0;
    for (const [s, c] of this.statuses) if (!expected.includes(s as number)) n += c;
    return n;
  }

  statusSummary(): Record<string, number> {
    return Object.fromEntries([...this.statuses].map(([k, v]) => [String(k), v]));
  }
}
