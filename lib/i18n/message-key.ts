/**
 * Every message key, read at compile time from the English catalog: a key that is not in it does not type-check,
 * and there is no generated file to go stale. A new area file is added here too (the catalog test checks it).
 */
import type actions from './catalog/en/actions.json';
import type alerts from './catalog/en/alerts.json';
import type bulk from './catalog/en/bulk.json';
import type common from './catalog/en/common.json';
import type context from './catalog/en/context.json';
import type diag from './catalog/en/diag.json';
import type locks from './catalog/en/locks.json';
import type log from './catalog/en/log.json';
import type options from './catalog/en/options.json';
import type panel from './catalog/en/panel.json';
import type share from './catalog/en/share.json';
import type sweeper from './catalog/en/sweeper.json';
import type trends from './catalog/en/trends.json';

type EnglishCatalog = typeof actions &
  typeof alerts &
  typeof bulk &
  typeof common &
  typeof context &
  typeof diag &
  typeof locks &
  typeof log &
  typeof options &
  typeof panel &
  typeof share &
  typeof sweeper &
  typeof trends;

export type MessageKey = keyof EnglishCatalog;
