import { describe, expect, it } from 'vitest';
import type { Choice } from '../../../lib/actions/definition';
import { GAP_REASON, operationRequest } from '../../../lib/actions/request';
import { ACTION_DEFINITIONS, ActionIntentSchema, allDefinitions, rowLabels, type AnyActionDefinition } from '../../../lib/actions/registry';
import { availability } from '../../../lib/actions/rules';
import { BUILT_IN_CONTRACT } from '../../../lib/actions/contract';
import { mergedCatalog } from '../../../lib/i18n/catalogs';
import { CHANNEL, ConversationStatusSchema, type Conversation } from '../../../lib/model/conversation';
import { commandForKey, SHORTCUT_SHEET } from '../../../lib/view-model/shortcuts';
import { fakePlatform } from './fake-platform';
import { AGENT_ID, ME, OTHER_QUEUE_ID, QUEUE_ID, access, agent, conversation } from './fixtures';

/**
 * Every registered action, checked the same way: its words in both languages, its key on the help sheet, its rules
 * over every conversation status, its intent schema, and its verification against fresh reads. A new definition
 * gets all of this without a line added here.
 */
const definitions = allDefinitions();
const en = mergedCatalog('en');
const sv = mergedCatalog('sv');
const placeholders = (text: string) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();

/** Every i18n key a definition names, with where it is used. */
function labelKeys(definition: AnyActionDefinition): Array<[string, string]> {
  const keys: Array<[string, string | undefined]> = [
    ...Object.entries(definition.labels),
    ...Object.entries(definition.group?.labels ?? {}).filter(([part]) => part !== 'id'),
    ...('labels' in definition.dialog
      ? Object.entries(definition.dialog.labels).map(([part, key]): [string, string] => [`dialog.${part}`, key])
      : []),
    ...Object.entries(definition.bulk?.labels ?? {}).map(([part, key]): [string, string] => [`bulk.${part}`, key]),
    ['lock', definition.lock?.label],
  ];
  return keys.filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

/** Conversations in every ongoing status, on messaging, voice and record channels, handled by someone else or nobody, watched by the user or not. */
function situations(): Conversation[] {
  const rows: Conversation[] = [];
  for (const status of ConversationStatusSchema.options) {
    for (const channels of [[CHANNEL.liveChat], [CHANNEL.voice], [CHANNEL.entityRecords], [CHANNEL.liveChat, CHANNEL.video]]) {
      for (const seat of [null, 'monitor', 'consult'] as const) {
        rows.push(
          conversation({
            status,
            channels,
            agentId: status === 'open' ? null : AGENT_ID,
            participants: seat ? [{ agentId: ME, mode: seat }] : [],
          }),
        );
      }
    }
  }
  return rows;
}

/** A choice that fills whatever the action targets. */
const fullChoice: Choice = { agentId: agent().id, queueId: OTHER_QUEUE_ID, override: true, reason: 'Checked by the registry test' };

describe('the action registry', () => {
  it('lists each kind once, and one key per shortcut', () => {
    const kinds = definitions.map((d) => d.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    const keys = definitions.flatMap((d) => (d.shortcut ? [d.shortcut.key] : []));
    expect(new Set(keys).size).toBe(keys.length);
    expect(ACTION_DEFINITIONS.length).toBe(definitions.length);
  });

  it("words why an org's contract cannot carry an action, in both languages", () => {
    for (const key of Object.values(GAP_REASON)) {
      expect(en[key], key).toBeDefined();
      expect(sv[key], key).toBeDefined();
    }
  });

  it('groups only actions that share one kind of dialog', () => {
    for (const definition of definitions.filter((d) => d.group)) {
      const members = definitions.filter((d) => d.group?.id === definition.group!.id);
      expect(new Set(members.map((m) => m.dialog.type)), definition.kind).toEqual(new Set([definition.dialog.type]));
      for (const member of members) expect(member.labels.choice, member.kind).toBeDefined();
    }
  });
});

describe.each(definitions.map((d) => [d.kind, d] as const))('%s', (kind, definition) => {
  it('has every label in English and Swedish, with the same placeholders', () => {
    const keys = labelKeys(definition);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    for (const [part, key] of keys) {
      expect(en[key], `${kind} ${part}: ${key} (en)`).toBeDefined();
      expect(sv[key], `${kind} ${part}: ${key} (sv)`).toBeDefined();
      expect(placeholders(sv[key]!.message), `${kind} ${part}: ${key}`).toEqual(placeholders(en[key]!.message));
    }
    // The palette names the conversation; the outcome names the target.
    expect(en[definition.labels.palette]!.message).toContain('$1');
    for (const feature of ['switchOff', 'policyOff', 'userOff'])
      expect(en[`actions_reason_${feature}_${definition.feature}`], feature).toBeDefined();
  });

  it('is on the help sheet under its key, and the key asks for it', () => {
    if (!definition.shortcut) return;
    const row = SHORTCUT_SHEET.find((entry) => entry.keys.includes(definition.shortcut!.shown));
    expect(row, `${kind} on the help sheet`).toBeDefined();
    expect(row!.labelKey).toBe(rowLabels(definition).name);
    const input = { key: definition.shortcut.key, ctrlKey: false, metaKey: false, altKey: false, inField: false };
    expect(commandForKey(input)).toEqual({ type: 'action', kind });
  });

  it('answers for every conversation status, allows it somewhere, and words every refusal', () => {
    const who = access();
    const byStatus = new Map<string, boolean>();
    for (const row of situations()) {
      const answer = availability(kind, { conversation: row, access: who });
      expect(answer.enabled).toBe(answer.reason === null);
      if (answer.reason) {
        expect(en[answer.reason], `${kind} on ${row.status}: ${answer.reason}`).toBeDefined();
        expect(sv[answer.reason], `${kind} on ${row.status}: ${answer.reason}`).toBeDefined();
      }
      byStatus.set(row.status, (byStatus.get(row.status) ?? false) || answer.enabled);
    }
    expect([...byStatus.keys()].sort()).toEqual([...ConversationStatusSchema.options].sort());
    expect([...byStatus.values()].some(Boolean), `${kind} is never allowed`).toBe(true);
  });

  it('accepts a valid intent and rejects malformed ones', () => {
    const intent = definition.intentFrom({ conversationId: conversation().id, etag: 'W/"1"' }, fullChoice);
    expect(intent).not.toBeNull();
    expect(definition.intent.safeParse(intent).success).toBe(true);
    expect(ActionIntentSchema.safeParse(intent).success).toBe(true);
    expect(ActionIntentSchema.safeParse({ ...intent, conversationId: '' }).success).toBe(false);
    expect(ActionIntentSchema.safeParse({ ...intent, etag: 42 }).success).toBe(false);
    const { operation } = definition;
    if (operation.target !== 'conversation') {
      const field = operation.target === 'agent' ? 'agentId' : 'queueId';
      expect(ActionIntentSchema.safeParse({ ...intent, [field]: undefined }).success, `${kind} without its ${field}`).toBe(false);
      expect(definition.intentFrom({ conversationId: conversation().id, etag: '' }, {}), `${kind} from an empty choice`).toBeNull();
    }
  });

  it('is called done only by a fresh read that shows it, and says so for each read', async () => {
    const start = situations().find((row) => availability(kind, { conversation: row, access: access() }).enabled)!;
    const platform = fakePlatform({ ...start, queueId: QUEUE_ID });
    const intent = definition.intentFrom({ conversationId: start.id, etag: start.etag }, fullChoice)!;
    const verify = (read: Conversation | null, wasWaiting = false) => definition.verify(intent, read, ME, wasWaiting);

    // Before the platform has done anything: never done.
    expect(verify(platform.row)).toBe('notYet');
    // Gone from the ongoing list: done for an action that ends it, gone for the rest.
    expect(['done', 'gone']).toContain(verify(null));

    const call = operationRequest(definition, intent, BUILT_IN_CONTRACT);
    expect(call.ok).toBe(true);
    if (!call.ok) return;
    platform.apply(call.request);
    const after = verify(platform.row);
    expect(['done', 'waitingForAgent']).toContain(after);
    if (after === 'waitingForAgent') {
      expect(definition.labels.waiting, `${kind} words its wait`).toBeDefined();
      const offered = platform.row;
      platform.answer(false);
      expect(verify(platform.row, true)).toBe('rejected');
      expect(definition.labels.rejected, `${kind} words its rejection`).toBeDefined();
      platform.change({ ...offered! });
      platform.answer(true);
      expect(verify(platform.row, true)).toBe('done');
    }
  });
});
