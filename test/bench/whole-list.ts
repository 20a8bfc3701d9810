/**
 * When a view showed "the whole list": the first moment the grid counted at least 99.5 % of the conversations
 * ongoing on the platform. The platform's count moves while a list loads (arrivals, closures), so the reference is
 * the lowest count the org reported between sign-in (or opening) and that moment. Pure.
 */
import type { RowCount } from './page-probe';

const WHOLE_LIST_SHARE = 0.995;

export interface OngoingSample {
  at: number;
  ongoing: number;
}

/** The first row count that is the whole list, as epoch ms; null when none was. */
export function wholeListAt(rowCounts: readonly RowCount[], ongoing: readonly OngoingSample[]): number | null {
  for (const count of rowCounts) {
    const before = ongoing.filter((sample) => sample.at <= count.at);
    const reference = before.length > 0 ? Math.min(...before.map((sample) => sample.ongoing)) : ongoing[0]?.ongoing;
    if (reference !== undefined && count.rows > 0 && count.rows >= reference * WHOLE_LIST_SHARE) return count.at;
  }
  return null;
}
