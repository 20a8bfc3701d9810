/**
 * What a worker keeps for its successor in storage.session and that grows with the org (the feed's picture, the
 * alerts' sentiment memory, the trends) is saved at most once a minute: each save holds the worker (the packed
 * picture about 0.7 s at 10,000 ongoing), and a successor that resumes from a minute-old copy catches up from its
 * watermarks. What must not wait (a whole read, a new alert) is saved at once.
 */
export const SAVE_EVERY_MS = 60_000;

export function createSavePace(now: () => number, everyMs = SAVE_EVERY_MS) {
  let savedAt = Number.NEGATIVE_INFINITY;
  return {
    /** Whether to save now: when `urgent`, or a whole period after the last save. Saying yes counts as the save. */
    due(urgent = false): boolean {
      const at = now();
      if (!urgent && at - savedAt < everyMs) return false;
      savedAt = at;
      return true;
    },
  };
}
