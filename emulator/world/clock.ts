/**
 * The org's virtual time. Everything (simulation, timestamps, service-protection windows) reads this clock,
 * so a test can freeze it (speed 0 or paused) and step it, and a demo can run it faster than real time.
 */
export class Clock {
  private anchorReal: number;
  private anchorVirtual: number;
  private paused = false;

  constructor(
    start: Date,
    private speed: number,
    private readonly realNow: () => number = Date.now,
  ) {
    this.anchorReal = realNow();
    this.anchorVirtual = start.getTime();
  }

  /** Set while the simulation replays an event that was due earlier, so its changes carry the event's time. */
  private pinned: number | undefined;

  nowMs(): number {
    if (this.pinned !== undefined) return this.pinned;
    if (this.paused) return this.anchorVirtual;
    return this.anchorVirtual + (this.realNow() - this.anchorReal) * this.speed;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  isPaused(): boolean {
    return this.paused;
  }

  getSpeed(): number {
    return this.speed;
  }

  setPaused(paused: boolean): void {
    this.rebase();
    this.paused = paused;
  }

  setSpeed(speed: number): void {
    this.rebase();
    this.speed = speed;
  }

  advance(seconds: number): void {
    this.rebase();
    this.anchorVirtual += seconds * 1000;
  }

  /** Runs `fn` with the clock reading `ms` (never later than the real virtual now). */
  at<T>(ms: number, fn: () => T): T {
    this.pinned = ms;
    try {
      return fn();
    } finally {
      this.pinned = undefined;
    }
  }

  private rebase(): void {
    this.anchorVirtual = this.nowMs();
    this.anchorReal = this.realNow();
  }
}
