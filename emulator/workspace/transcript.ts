/**
 * Simulated chat lines for the workspace's conversation view. Real message content isn't in Dataverse while a
 * chat is live (docs/platform.md#sessions-and-participants), so the page shows lines generated from the conversation's id and times,
 * plus the notices supervisor actions leave (e.g. "<name> joined the conversation").
 */
import { Random } from '../world/random';
import type { Row } from '../world/store';
import type { Notice } from '../world/world';
import { cellText } from '../odata/values';

export interface TranscriptLine {
  at: string;
  role: 'customer' | 'agent' | 'system' | 'notice';
  from: string;
  text: string;
}

const CUSTOMER_LINES = [
  'Hi, I need some help with my account.',
  'It has been like this since yesterday.',
  'Can you check that for me?',
  'Thanks, that helps.',
  'I already tried restarting it.',
  'How long will that take?',
  'OK, I will wait.',
  'Is there anything else I need to do?',
];
const AGENT_LINES = [
  'Hello! I can help you with that.',
  'Let me look into it for you.',
  'Thanks for waiting.',
  'I have updated your details.',
  'Could you confirm your order number?',
  'That should be fixed now.',
  'Is there anything else I can help with?',
];

const MAX_LINES = 40;

function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function transcriptOf(
  conversation: Row,
  agentName: string | undefined,
  notices: readonly Notice[],
  nowMs: number,
): TranscriptLine[] {
  const random = new Random(hashOf(String(conversation.activityid)));
  const customer = cellText(conversation.subject ?? 'Customer');
  const start = Date.parse(String(conversation.createdon));
  const end = Math.min(nowMs, Date.parse(cellText(conversation.msdyn_closedon ?? conversation.msdyn_wrapupinitiatedon ?? '')) || nowMs);
  const accepted = conversation.msdyn_startedon ? Date.parse(cellText(conversation.msdyn_startedon)) : undefined;
  const lines: TranscriptLine[] = [{ at: new Date(start).toISOString(), role: 'system', from: 'System', text: 'Conversation started' }];
  let t = start + 5_000;
  let turn = 0;
  while (t <= end) {
    const agentTurn = accepted !== undefined && t >= accepted && turn % 2 === 1;
    if (agentTurn && agentName)
      lines.push({ at: new Date(t).toISOString(), role: 'agent', from: agentName, text: random.pick(AGENT_LINES) });
    else lines.push({ at: new Date(t).toISOString(), role: 'customer', from: customer, text: random.pick(CUSTOMER_LINES) });
    turn++;
    t += random.between(20, 60) * 1000;
  }
  for (const n of notices) lines.push({ at: n.at, role: 'notice', from: 'System', text: n.text });
  lines.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return lines.slice(-MAX_LINES);
}
