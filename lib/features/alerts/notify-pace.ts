/** Notifications one minute may bring; the alerts beyond them wait and are summed up in one notification. */
export const NOTIFY_PER_MINUTE = 3;
const MINUTE_MS = 60_000;

interface NotifyPlan<T> {
  /** The new alerts to notify one by one. */
  tell: T[];
  /** How many more to sum up in one notification (0: none). */
  more: number;
}

/**
 * How many system notifications the alerts may raise: a busy org brings new alerts with nearly every poll, and a
 * supervisor wants a few a minute, not a stream (each one also costs the worker an image decode). Within a minute
 * at most NOTIFY_PER_MINUTE; alerts past them are counted and told, summed up, in the next minute's first
 * notification. A restarted worker starts a new minute.
 */
export function createNotifyPace(now: () => number) {
  let minuteFrom = -Infinity;
  let sent = 0;
  let untold = 0;
  return {
    /** Which of a look's new alerts to notify now, and how many (these and earlier ones held back) to sum up. */
    plan<T>(fresh: readonly T[]): NotifyPlan<T> {
      const at = now();
      if (at - minuteFrom >= MINUTE_MS) {
        minuteFrom = at;
        sent = 0;
      }
      const room = NOTIFY_PER_MINUTE - sent;
      const waiting = untold + fresh.length;
      if (room <= 0 || waiting === 0) {
        untold = waiting;
        return { tell: [], more: 0 };
      }
      if (untold === 0 && fresh.length <= room) {
        sent += fresh.length;
        return { tell: [...fresh], more: 0 };
      }
      // The last notification this minute allows sums up the rest.
      const tell = fresh.slice(0, room - 1);
      sent += tell.length + 1;
      untold = 0;
      return { tell, more: waiting - tell.length };
    },
  };
}
