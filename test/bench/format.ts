/** How the bench writes numbers: durations in ms, s or min, sizes in KB/MB (1 KB = 1,024 bytes), grouped thousands. */

export function formatMs(ms: number | null): string {
  if (ms === null) return 'n/a';
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  return ms < 120_000 ? `${(ms / 1_000).toFixed(1)} s` : `${Number((ms / 60_000).toFixed(1))} min`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const formatCount = (n: number): string => Math.round(n).toLocaleString('en-US');

export const formatPercent = (share: number): string => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)} %`;
