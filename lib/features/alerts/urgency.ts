import type { Alert } from './alert';

/** A limit about to be passed comes first (soonest first), then customers waiting beside free agents, then sentiment. */
const RANK: Readonly<Record<Alert['kind'], number>> = { breachSoon: 0, idleMismatch: 1, sentimentDrop: 2 };

/** The alerts, most urgent first: the folded alerts line names the first. */
export function byUrgency(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(
    (a, b) =>
      RANK[a.kind] - RANK[b.kind] || (a.kind === 'breachSoon' ? a.value - b.value : b.conversationIds.length - a.conversationIds.length),
  );
}
