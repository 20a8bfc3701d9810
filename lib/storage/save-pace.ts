/**
 * What a worker keeps for its successor in storage.session and that grows with the org (the feed's picture, the
 * alerts' sentiment memory, the trends) is saved at most once a minute: each save holds the worker (the packed
 * picture about 0.7 s at 10,000 ongoing), and a successor that resumes from a minute-old copy catches up from its
 * watermarks. What must not wait is saved at once: a new alert, and a whole read (with the poll after it, once the
 * views have drawn it).
 */
export const SAVE_EVERY_MS = 60_000;

/**
 * A value the store refused as too large is not tried again until it is this much of that size or less: at 50,000
 * ongoing the picture packs over its limit, and each try held the worker ~2 s (its CPU taken from the views' frames).
 */
const RETRY_AT_SHARE = 0.9;

export function createSavePace(now: () => number, everyMs = SAVE_EVERY_MS) {
  let savedAt = Number.NEGATIVE_INFINITY;
  let refusedSize: number | null = null;
  return {
    /**
     * Whether to save now: when `urgent`, or a whole period after the last save; never while the value (`size`, in
     * whatever unit the caller counts) is about as large as one the store refused. Saying yes counts as the save.
     */
    due(urgent = false, size = 0): boolean {
      if (refusedSize !== null && size > refusedSize * RETRY_AT_SHARE) return false;
      const at = now();
      if (!urgent && at - savedAt < everyMs) return false;
      savedAt = at;
      return true;
    },
    /** The store refused a value of this size as too large. */
    refused(size: number): void {
      refusedSize = size;
    },
  };
}
