/** The Web API request log behind GET /_emulator/requests: what a client asked, as whom, and when. */

export interface LoggedRequest {
  /** Real wall-clock time the request arrived (ISO). */
  time: string;
  /** The org's virtual time at arrival (differs from `time` when the clock runs faster or is stepped). */
  virtualTime: string;
  user: string | null;
  method: string;
  path: string;
  status: number;
}

const MAX_ENTRIES = 50_000;

export class RequestLog {
  private readonly entries: LoggedRequest[] = [];
  private readonly perUser = new Map<string, number>();

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    const key = entry.user ?? '(anonymous)';
    this.perUser.set(key, (this.perUser.get(key) ?? 0) + 1);
  }

  since(time: Date | undefined): LoggedRequest[] {
    if (!time) return [...this.entries];
    const ms = time.getTime();
    return this.entries.filter((e) => Date.parse(e.time) >= ms);
  }

  countsByUser(): Record<string, number> {
    return Object.fromEntries(this.perUser);
  }
}
