import { t } from '../i18n';
import type { Conversation } from '../model/conversation';

export interface ConversationLabel {
  /** What names the conversation: the customer, or the subject when the customer is not known. */
  title: string;
  /** The subject beside it, only when it says something the title does not (the platform often copies the name). */
  detail: string | null;
}

/** One collator for every comparison: `localeCompare` with options builds a new one per call, per row rendered. */
const collator = new Intl.Collator(undefined, { sensitivity: 'accent' });
const same = (a: string, b: string) => collator.compare(a.trim(), b.trim()) === 0;

/** One label per conversation, so no view shows "Kim Lee · Kim Lee". */
export function conversationLabel(row: Pick<Conversation, 'customerName' | 'subject'>): ConversationLabel {
  const customer = row.customerName?.trim() ? row.customerName : null;
  // Named by something in every sentence it goes into ("Force close “…”?"), even with neither name nor subject.
  if (!customer) return { title: row.subject.trim() ? row.subject : t('panel_customer_unknown'), detail: null };
  return { title: customer, detail: row.subject.trim() && !same(customer, row.subject) ? row.subject : null };
}

/** The label on one line: "Kim Lee · Billing question", or only the title when the subject adds nothing. */
export function conversationName(row: Pick<Conversation, 'customerName' | 'subject'>): string {
  const { title, detail } = conversationLabel(row);
  return detail ? `${title} · ${detail}` : title;
}
