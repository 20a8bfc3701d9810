/** Default wait when a 429 comes without a usable Retry-After header (the platform always sends one; proxies may not). */
export const DEFAULT_RETRY_AFTER_MS = 5_000;

/**
 * Epoch ms at which a Retry-After header allows the next request. It is either delta-seconds or an HTTP date
 * (RFC 9110 §10.2.3); Dataverse sends seconds (docs/platform.md#service-protection).
 */
export function retryAtFrom(header: string | null | undefined, now: number): number {
  const value = header?.trim() ?? '';
  if (/^\d+(\.\d+)?$/.test(value)) return now + Math.ceil(Number(value) * 1000);
  const date = value === '' ? Number.NaN : Date.parse(value);
  if (!Number.isNaN(date)) return Math.max(now, date);
  return now + DEFAULT_RETRY_AFTER_MS;
}
