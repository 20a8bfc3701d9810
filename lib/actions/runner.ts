import type { Access } from '../model/access';
import { pendingRecord, type ActionFailure, type ActionRecord, type OpenedIn } from '../model/actions';
import type { Agent, Queue } from '../model/agent';
import type { Conversation } from '../model/conversation';
import { t } from '../i18n';
import { BUILT_IN_CONTRACT, type ActionContract, type ContractSource } from './contract';
import { routeOf, type ActionRoute } from './definition';
import type { RouteChoice } from './routing';
import { writeActionNote } from './operations/note';
import { actionFailureOf } from './outcome';
import { createRecordStore, type RecordStoreDeps } from './record-store';
import { GAP_REASON, isGuid, operationRequest, reportedOverCapacity } from './request';
import { definitionFor, type ActionIntent } from './registry';
import { availability, isInFlight } from './rules';
import { targetBlock } from './target-check';
import { actionName } from './words';
import { conversationName } from '../view-model/conversation-label';

export interface ActionRunnerDeps {
  /**
   * The org's transport for a route (an action's write, a note, or a call that belongs in the workspace client), or
   * why there is none now: no signed-in org, or a workspace tab must be open (lib/actions/routing.ts).
   */
  transport: (route: ActionRoute) => RouteChoice;
  /** The action contract in force for the org; our built-in reading when absent. */
  contract?: ContractSource;
  /** The conversation as the feed last saw it. */
  conversation(id: string): Conversation | undefined;
  /**
   * A fresh read from the platform. Resolves null only when the platform no longer lists the conversation as ongoing
   * (closed, deleted); rejects when it could not be asked (network, throttled, signed out).
   */
  reread(id: string): Promise<Conversation | null>;
  access(): Access;
  agents(): readonly Agent[];
  queues(): readonly Queue[];
  now(): number;
  /** The whole action log, newest first, for FeedPatch.actions. */
  publish(records: ActionRecord[]): void;
  storage: RecordStoreDeps['storage'];
  /** A platform call changed this conversation: refresh it in the feed. */
  afterAction(conversationId: string): void;
  /**
   * An action that opens the conversation succeeded: show it inside the workspace tab it ran in
   * (open-in-workspace.ts), and say where it opened.
   */
  openInWorkspace?(conversationId: string): Promise<OpenedIn>;
}

export interface ActionRunner {
  /** Start an action. Idempotent per requestId; a second identical action on a conversation in flight is dropped. */
  run(intent: ActionIntent, requestId: string): void;
  /** After a worker start: settle what a previous worker left in flight, by reading the platform. */
  resume(): Promise<void>;
}

const RUNNER_TIMING = {
  /** Re-reads after the platform accepted an action, until the change shows. */
  confirmDelaysMs: [300, 700, 1500, 3000, 5000],
  /** Polling while a transfer or assignment waits for the agent; grows to the maximum. */
  waitPollMs: 2000,
  waitPollMaxMs: 30_000,
  /** 429s in a row before giving up (each waits for the platform's Retry-After). */
  maxThrottleRetries: 5,
  throttleFallbackMs: 5000,
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createActionRunner(deps: ActionRunnerDeps, timing = RUNNER_TIMING): ActionRunner {
  const store = createRecordStore(deps);
  const throttled = new Map<string, number>();

  const me = () => deps.access().userId;
  const contract = async () => (await deps.contract?.()) ?? BUILT_IN_CONTRACT;
  const finish = (id: string, change: Partial<ActionRecord>) =>
    store.markSent(id, false).then(() => store.update(id, { finishedAt: deps.now(), retryAt: null, ...change }));
  const fail = (id: string, failure: ActionFailure, reason: string | null, detail: string | null = null, reasonArgs?: readonly string[]) =>
    finish(id, { state: 'failed', failure, reason, detail, ...(reasonArgs?.length ? { reasonArgs: [...reasonArgs] } : {}) });

  async function done(id: string): Promise<void> {
    const record = store.get(id);
    await finish(id, { state: 'done' });
    if (!record || !definitionFor(record.intent).opensConversation || !deps.openInWorkspace) return;
    const openedIn = await deps.openInWorkspace(record.intent.conversationId).catch((): OpenedIn => 'none');
    await store.update(id, { openedIn });
  }

  async function fresh(id: string): Promise<Conversation | null | undefined> {
    try {
      return await deps.reread(id);
    } catch {
      return undefined;
    }
  }

  async function execute(id: string): Promise<void> {
    const record = store.get(id);
    if (!record) return;
    const { intent } = record;
    if (!isGuid(intent.conversationId)) return fail(id, 'rule', 'actions_reason_badId');
    // Read the platform first: the row may have changed since the supervisor saw it.
    const read = await fresh(intent.conversationId);
    const conversation = read === undefined ? deps.conversation(intent.conversationId) : read;
    if (!conversation) return fail(id, 'gone', null);
    const changed = conversation.etag !== intent.etag;
    if (changed && intent.asSeen) return fail(id, 'conflict', 'actions_reason_changedSinceSeen');
    const activeRecord = store.all().find((r) => r.id !== id && isInFlight(r) && r.intent.conversationId === intent.conversationId);
    const inForce = await contract();
    const rule = availability(intent.kind, { conversation, access: deps.access(), activeRecord, contract: inForce });
    const blocked = rule.reason ?? targetBlock(intent, conversation, deps.agents(), deps.queues());
    if (blocked) return fail(id, changed ? 'conflict' : 'blocked', blocked, null, rule.args);
    const definition = definitionFor(intent);
    if (definition.estimateOverCapacity)
      await store.update(id, { capacityExceededBy: definition.estimateOverCapacity(intent, conversation, deps.agents()) });
    return send(id, intent, inForce);
  }

  async function send(id: string, intent: ActionIntent, inForce: ActionContract): Promise<void> {
    const definition = definitionFor(intent);
    const route = routeOf(definition);
    const way = deps.transport(route);
    if (!way.ok) return way.why === 'signedOut' ? fail(id, 'signedOut', null) : fail(id, 'blocked', 'actions_reason_openWorkspace');
    const call = operationRequest(definition, intent, inForce);
    if (!call.ok) return fail(id, 'blocked', GAP_REASON[call.gap], null, call.names.length > 0 ? [call.names.join(', ')] : undefined);
    await store.markSent(id, true);
    const outcome = await way.transport.send(call.request);
    if (outcome.ok) {
      throttled.delete(id);
      const exceeded = reportedOverCapacity(call.shape, outcome.body);
      if (exceeded !== null) await store.update(id, { capacityExceededBy: exceeded || null });
      deps.afterAction(intent.conversationId);
      await noteReason(id, intent);
      return confirm(id, intent);
    }
    const failure = actionFailureOf(outcome);
    if (failure === 'throttled') return retryLater(id, outcome.retryAt, outcome.message);
    // A dropped connection says nothing about whether the call took effect: the platform does.
    if (failure === 'network') return settle(id, intent, outcome.message);
    const after = failure === 'rule' || failure === 'conflict' ? await fresh(intent.conversationId) : undefined;
    const changedMeanwhile = after !== undefined && (after === null || after.etag !== intent.etag);
    const apiRole = deps.access().hasApiAccessRole && definition.refusedWithApiAccessRole;
    // The org refused the worker's write (the router now keeps writes for the workspace tab): say what to do.
    const refusedFromWorker = way.via === 'worker' && (failure === 'forbidden' || failure === 'signedOut') && !deps.transport(route).ok;
    const reason =
      apiRole && (failure === 'forbidden' || failure === 'rule')
        ? 'actions_reason_apiAccessRole'
        : refusedFromWorker
          ? 'actions_reason_workerRefused'
          : null;
    if (after !== undefined) deps.afterAction(intent.conversationId);
    return fail(id, changedMeanwhile && !reason ? 'conflict' : failure, reason, outcome.message);
  }

  /** A given reason goes to the platform as a note; if that fails the action still stands, and says so. */
  async function noteReason(id: string, intent: ActionIntent): Promise<void> {
    const reason = 'reason' in intent ? intent.reason?.trim() : undefined;
    if (!reason) return;
    const way = deps.transport('write');
    const userName = deps.access().userName;
    const subject = t('actions_note_subject', actionName(intent.kind), userName?.trim() ? userName : t('log_unknownAuthor'));
    const outcome = way.ok ? await writeActionNote(way.transport, intent.conversationId, subject, reason) : null;
    if (!outcome?.ok) await store.update(id, { reason: 'actions_reason_noteFailed', detail: outcome?.message ?? null });
  }

  async function retryLater(id: string, retryAt: number | null, message: string): Promise<void> {
    const attempts = (throttled.get(id) ?? 0) + 1;
    throttled.set(id, attempts);
    await store.markSent(id, false);
    if (attempts > timing.maxThrottleRetries) return fail(id, 'throttled', null, message);
    const at = retryAt ?? deps.now() + timing.throttleFallbackMs;
    await store.update(id, { retryAt: at });
    setTimeout(() => void store.update(id, { retryAt: null }).then(() => execute(id)), Math.max(0, at - deps.now()));
  }

  /** The platform accepted the call: done only once a fresh read shows it. */
  async function confirm(id: string, intent: ActionIntent): Promise<void> {
    for (const delay of timing.confirmDelaysMs) {
      await sleep(delay);
      const read = await fresh(intent.conversationId);
      if (read === undefined) continue;
      const verdict = definitionFor(intent).verify(intent, read, me(), false);
      if (verdict === 'done') return done(id);
      if (verdict === 'waitingForAgent') return waitForAgent(id, intent, timing.waitPollMs);
      if (verdict === 'gone') return fail(id, 'gone', 'actions_reason_endedMeanwhile');
    }
    return fail(id, 'network', 'actions_reason_unconfirmed');
  }

  /**
   * Outcome unknown (connection lost, or a worker died mid-call): ask the platform, never assume. A call still on its
   * way may land after the first look, so look again on the confirm schedule before saying it did not take effect.
   */
  async function settle(id: string, intent: ActionIntent, detail: string | null): Promise<void> {
    for (const delay of [0, ...timing.confirmDelaysMs]) {
      await sleep(delay);
      const read = await fresh(intent.conversationId);
      const verdict = read === undefined ? 'notYet' : definitionFor(intent).verify(intent, read, me(), false);
      if (verdict === 'done') return done(id);
      if (verdict === 'waitingForAgent') return waitForAgent(id, intent, timing.waitPollMs);
    }
    return fail(id, 'network', 'actions_reason_notApplied', detail);
  }

  async function waitForAgent(id: string, intent: ActionIntent, delay: number): Promise<void> {
    if (store.get(id)?.state !== 'waitingForAgent') await store.update(id, { state: 'waitingForAgent' });
    await store.markSent(id, false);
    setTimeout(() => void pollAgent(id, intent, delay), delay);
  }

  async function pollAgent(id: string, intent: ActionIntent, delay: number): Promise<void> {
    const read = await fresh(intent.conversationId);
    const next = Math.min(timing.waitPollMaxMs, Math.round(delay * 1.5));
    if (read === undefined) return waitForAgent(id, intent, next);
    const verdict = definitionFor(intent).verify(intent, read, me(), true);
    if (verdict === 'waitingForAgent') return waitForAgent(id, intent, next);
    deps.afterAction(intent.conversationId);
    if (verdict === 'done') return done(id);
    return fail(id, verdict === 'gone' ? 'gone' : 'rejected', verdict === 'gone' ? 'actions_reason_endedMeanwhile' : null);
  }

  const labelOf = (conversation: Conversation | undefined, id: string): string => (conversation && conversationName(conversation)) || id;

  return {
    run(intent, requestId) {
      const twin = store
        .all()
        .some(
          (r) =>
            r.id === requestId || (isInFlight(r) && r.intent.conversationId === intent.conversationId && r.intent.kind === intent.kind),
        );
      if (twin) return;
      const record = pendingRecord(requestId, intent, labelOf(deps.conversation(intent.conversationId), intent.conversationId), deps.now());
      void store.add(record).then(() => execute(requestId));
    },
    async resume() {
      // Only what a previous worker left: an action this worker took before resuming is already under way.
      const restored = await store.load();
      for (const record of restored.filter(isInFlight)) {
        const { id, intent } = record;
        if (record.state === 'waitingForAgent') void pollAgent(id, intent, timing.waitPollMs);
        else if (store.wasSent(id)) void settle(id, intent, null);
        else if (record.retryAt !== null && record.retryAt > deps.now()) void retryLater(id, record.retryAt, '');
        else void execute(id);
      }
    },
  };
}
