import type { CDPSession } from 'puppeteer';

/** Heap in use after a full garbage collection, in bytes: what a leak would make grow. */
export async function heapAfterGc(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  return usedSize;
}

export const megabytes = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/**
 * Did the heap keep growing? Compares the median of the last third of the samples with the first third's (after the
 * first sample, the start-up): growth beyond both the share and the absolute slack counts as unbounded.
 */
export function grewWithoutBound(samples: readonly number[], share = 0.5, slackBytes = 4 * 1_048_576): boolean {
  const settled = samples.slice(1);
  if (settled.length < 3) return false;
  const third = Math.max(1, Math.floor(settled.length / 3));
  const early = median(settled.slice(0, third));
  const late = median(settled.slice(-third));
  return late - early > Math.max(early * share, slackBytes);
}
