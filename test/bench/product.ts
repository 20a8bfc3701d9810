/**
 * Everything the bench takes from the product's source, in one place: the default poll interval (the naive
 * panel's interval) and the English words a pending transfer is shown with. The bench drives the built extension
 * and reads the platform; nothing else of lib/ is imported, so internal refactors do not break it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { POLL_INTERVAL_BOUNDS } from '../../lib/model/settings';

/** The product's default poll interval in seconds. */
export const DEFAULT_POLL_SECONDS = POLL_INTERVAL_BOUNDS.default;

const CATALOG = resolve(import.meta.dirname, '../../lib/i18n/catalog/en');

function message(file: string, key: string): string {
  const catalog = JSON.parse(readFileSync(resolve(CATALOG, file), 'utf8')) as Record<string, { message: string }>;
  const entry = catalog[key];
  if (!entry) throw new Error(`The English catalog ${file} has no ${key}`);
  return entry.message;
}

/** What the panel shows for a conversation whose transfer waits for the agent (in the row's details today). */
export const pendingTransferText = () => message('panel.json', 'panel_detail_pending_transfer');
