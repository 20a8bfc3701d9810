/**
 * Freshness samples: how long after the platform stamped a change (its modifiedon, on the emulator's clock) the
 * changed row reached a model. Only real new versions count: a row re-delivered with the same modifiedon (a
 * reconcile, an overlap re-read, a participant-only update) is not a change of the row itself.
 */
export class ChangeDelays {
  private readonly seen = new Map<string, number>();
  private counting = false;
  readonly delays: number[] = [];

  /** From now on, new versions are samples (rows seen before only set the starting point). */
  startCounting(): void {
    this.counting = true;
  }

  observe(id: string, modifiedOn: string, observedAtVirtualMs: number): void {
    const stamp = Date.parse(modifiedOn);
    if (Number.isNaN(stamp)) return;
    const previous = this.seen.get(id);
    if (previous !== undefined && stamp <= previous) return;
    this.seen.set(id, stamp);
    if (this.counting) this.delays.push(Math.max(0, observedAtVirtualMs - stamp));
  }
}
