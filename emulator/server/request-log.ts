/**
 * The Web API request log behind GET /_emulator/requests: what a client asked, as whom, from which origin, and when.
 * A request is entered when it arrives and answered when its response is ready; the log lists answered requests,
 * and with `inFlight` also those still being answered (status null), so a test can act between the two.
 */

export interface LoggedRequest {
  /** Arrival order, the same number in flight and once answered. */
  id: number;
  /** Real wall-clock time the request arrived (ISO). */
  time: string;
  /** The org's virtual time at arrival (differs from `time` when the clock runs faster or is stepped). */
  virtualTime: string;
  user: string | null;
  method: string;
  path: string;
  /** The request's Origin header, or "none". */
  origin: string;
  /** The answer's status, 0 for a dropped connection. */
  status: number;
  /** How many rows the answer carried (the length of its `value`), null for an answer that is not a list. */
  rows: number | null;
}

/** A request that has arrived and is not answered yet. */
export type InFlightRequest = Omit<LoggedRequest, 'status' | 'rows'> & { status: null; rows: null };

export type Arrival = Omit<LoggedRequest, 'id' | 'status' | 'rows'>;

const MAX_ENTRIES = 50_000;

export class RequestLog {
  private readonly entries: LoggedRequest[] = [];
  private readonly inFlight = new Map<number, InFlightRequest>();
  private readonly perUser = new Map<string, number>();
  private nextId = 1;

  arrived(arrival: Arrival): InFlightRequest {
    const entry: InFlightRequest = { id: this.nextId++, ...arrival, status: null, rows: null };
    this.inFlight.set(entry.id, entry);
    return entry;
  }

  answered(entry: InFlightRequest, status: number, rows: number | null = null): void {
    this.inFlight.delete(entry.id);
    const done = { ...entry, status, rows };
    this.entries.push(done);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    const key = done.user ?? '(anonymous)';
    this.perUser.set(key, (this.perUser.get(key) ?? 0) + 1);
  }

  /** Answered requests that arrived at or after `time`. */
  since(time: Date | undefined): LoggedRequest[] {
    return arrivedSince(this.entries, time);
  }

  /** Requests still being answered that arrived at or after `time`. */
  inFlightSince(time: Date | undefined): InFlightRequest[] {
    return arrivedSince([...this.inFlight.values()], time);
  }

  countsByUser(): Record<string, number> {
    return Object.fromEntries(this.perUser);
  }
}

function arrivedSince<T extends { time: string }>(list: readonly T[], time: Date | undefined): T[] {
  const ms = time?.getTime();
  return ms === undefined ? [...list] : list.filter((e) => Date.parse(e.time) >= ms);
}
