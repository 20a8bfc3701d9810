/** The row version inside an ETag, W/"1234" → 1234; null when the platform sent something else. */
function rowVersion(etag: string): number | null {
  const match = /^(?:W\/)?"(\d+)"$/.exec(etag.trim());
  return match ? Number(match[1]) : null;
}

/**
 * Is `incoming` older than or the same as what we hold? The overlap window re-delivers rows we have seen, and a
 * re-read after an action may already be newer than a poll's answer: neither may move a row backwards.
 */
export function isStale(incomingEtag: string, heldEtag: string | undefined): boolean {
  if (heldEtag === undefined) return false;
  const incoming = rowVersion(incomingEtag);
  const held = rowVersion(heldEtag);
  if (incoming === null || held === null) return incomingEtag === heldEtag;
  return incoming <= held;
}
