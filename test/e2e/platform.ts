/**
 * The platform's own record, read back through the Web API (the emulator) the way another client would: what a test
 * compares the screen with, and how it confirms what an action really did.
 */
import { SOFIA } from '../../emulator/personas';
import type { Harness } from './harness';
import type { InFlightRequest } from '../../emulator/server/request-log';
import { webApi, type LoggedRequest } from '../soak/probe';
import { until } from './screen';

export type WebApi = ReturnType<typeof webApi>;

/** The suffix of the formatted-value annotation (include-annotations="*", as webApi asks). */
export const FORMATTED = '@OData.Community.Display.V1.FormattedValue';

export const STATUS = { open: 1, active: 2, waiting: 3, closed: 4, wrapup: 5 } as const;
/** msdyn_statuschangereason of a force close. */
export const FORCE_CLOSED = 192350015;
/** msdyn_channel of a conversation: chat, voice, and records routed as work items (cases, emails …). */
export const CHAT = '192360000';
export const VOICE = '192370000';
export const RECORDS = '192350000';
/** The messaging channels (chat, SMS, WhatsApp …): the ones a conversation can be transferred on. */
export const MESSAGING: readonly string[] = [CHAT, '192300000', '192340000', '192330000', '19241000', '192350002'];
/** msdyn_mode of a session participant. */
export const MODE = { primary: 192350002, consult: 192350003, monitor: 192350004 } as const;

export interface PlatformConversation {
  activityid: string;
  subject: string | null;
  statecode: number;
  statuscode: number;
  msdyn_statuschangereason: number | null;
  msdyn_channel: string;
  _msdyn_activeagentid_value: string | null;
  _msdyn_cdsqueueid_value: string | null;
  _msdyn_lastsessionid_value: string | null;
  _msdyn_liveworkstreamid_value: string | null;
  msdyn_statusupdatedon: string | null;
  msdyn_conversationfirstwaittimeinseconds: number | null;
  msdyn_transfercount: number | null;
  createdon: string;
  modifiedon: string;
  [annotated: string]: unknown;
}

const CONVERSATION_COLUMNS = [
  'activityid',
  'subject',
  'statecode',
  'statuscode',
  'msdyn_statuschangereason',
  'msdyn_channel',
  '_msdyn_activeagentid_value',
  '_msdyn_cdsqueueid_value',
  '_msdyn_customer_value',
  '_msdyn_lastsessionid_value',
  '_msdyn_liveworkstreamid_value',
  'msdyn_statusupdatedon',
  'msdyn_conversationfirstwaittimeinseconds',
  'msdyn_transfercount',
  'createdon',
  'modifiedon',
].join(',');

export const conversationOf = (api: WebApi, id: string) =>
  api.call<PlatformConversation>('GET', `msdyn_ocliveworkitems(${id})?$select=${CONVERSATION_COLUMNS}`);

/** Every ongoing conversation (statecode 0), with the same columns. */
export async function ongoingConversations(api: WebApi): Promise<PlatformConversation[]> {
  const rows: PlatformConversation[] = [];
  let path: string | null = `msdyn_ocliveworkitems?$select=${CONVERSATION_COLUMNS}&$filter=statecode eq 0`;
  while (path) {
    const page: { value: PlatformConversation[]; '@odata.nextLink'?: string } = await api.call('GET', path);
    rows.push(...page.value);
    const next = page['@odata.nextLink'];
    path = next ? next.slice(next.indexOf('/api/data/v9.2/') + '/api/data/v9.2/'.length) : null;
  }
  return rows;
}

/** The ongoing conversations of Sofia's queues, as the platform has them. */
export async function supervisedOngoing(api: WebApi): Promise<PlatformConversation[]> {
  const queues = (
    await api.call<{ value: Array<{ queueid: string }> }>(
      'GET',
      `systemusers(${SOFIA.systemuserid})/queuemembership_association?$select=queueid`,
    )
  ).value;
  const supervised = new Set(queues.map((q) => q.queueid));
  return (await ongoingConversations(api)).filter((row) => supervised.has(row._msdyn_cdsqueueid_value ?? ''));
}

/** Active on a messaging channel and handled by someone other than the supervisor: monitor, transfer and force close all apply. */
export const isMessagingActive = (r: PlatformConversation, supervisorId = SOFIA.systemuserid) =>
  r.statuscode === STATUS.active && MESSAGING.includes(r.msdyn_channel) && r._msdyn_activeagentid_value !== supervisorId;

/** Open, nobody's, and not record-routed: what assign applies to. */
export const isOpenUnassigned = (r: PlatformConversation) =>
  r.statuscode === STATUS.open && r._msdyn_activeagentid_value === null && r.msdyn_channel !== RECORDS;

/**
 * Hands out ongoing conversations for checks, each once: what one check did to a conversation never decides another.
 * `pick` fails at once when none fits; with a timeout it waits that long for live traffic to bring one.
 */
export function conversationPicker(api: WebApi) {
  const used = new Set<string>();
  const unused = (rows: readonly PlatformConversation[], test: (row: PlatformConversation) => boolean) =>
    rows.find((r) => !used.has(r.activityid) && test(r));
  return {
    async pick(test: (row: PlatformConversation) => boolean, timeoutMs = 0): Promise<PlatformConversation> {
      const rows = await until(
        () => ongoingConversations(api),
        (all) => unused(all, test) !== undefined,
        'a conversation no other check has used, for this check',
        timeoutMs,
        500,
      );
      const row = unused(rows, test)!;
      used.add(row.activityid);
      return row;
    },
    /** Gives back a conversation a check only looked at, for another check to act on. */
    release(id: string): void {
      used.delete(id);
    },
  };
}

export interface Participant {
  _msdyn_agentid_value: string;
  msdyn_mode: number;
  msdyn_joinedon: string | null;
  msdyn_lefton: string | null;
  statecode: number;
}

/** The participants of the conversation's current session (its _msdyn_lastsessionid_value). */
export async function participantsOf(api: WebApi, conversationId: string): Promise<Participant[]> {
  const session = (await conversationOf(api, conversationId))._msdyn_lastsessionid_value;
  if (!session) return [];
  const filter = encodeURIComponent(`_msdyn_omnichannelsession_value eq ${session}`);
  const select = '_msdyn_agentid_value,msdyn_mode,msdyn_joinedon,msdyn_lefton,statecode';
  return (await api.call<{ value: Participant[] }>('GET', `msdyn_sessionparticipants?$select=${select}&$filter=${filter}`)).value;
}

/** The agent's seat in the conversation's session in a mode, if any (the newest such row). */
export const seatOf = (participants: readonly Participant[], agentId: string, mode: number) =>
  participants.filter((p) => p._msdyn_agentid_value === agentId && p.msdyn_mode === mode).at(-1);

/**
 * A pending assignment or transfer as the platform shows it: the target's primary seat on the session, not joined
 * (msdyn_joinedon null) and not left.
 */
export const isPendingFor = (participants: readonly Participant[], agentId: string) =>
  participants.some(
    (p) => p._msdyn_agentid_value === agentId && p.msdyn_mode === MODE.primary && p.msdyn_joinedon === null && p.msdyn_lefton === null,
  );

/** The agent's free capacity units as the platform counts them (msdyn_agentstatus). */
export async function freeUnitsOf(api: WebApi, agentId: string): Promise<number | null> {
  const filter = encodeURIComponent(`_msdyn_agentid_value eq ${agentId}`);
  const rows = (
    await api.call<{ value: Array<{ msdyn_availableunitscapacity: number | null }> }>(
      'GET',
      `msdyn_agentstatuses?$select=msdyn_availableunitscapacity&$filter=${filter}`,
    )
  ).value;
  return rows[0]?.msdyn_availableunitscapacity ?? null;
}

/** The emulator's request log since then, with the requests it has received and not answered yet (status null). */
export async function requestsWithInFlight(h: Harness, since: Date): Promise<Array<LoggedRequest | InFlightRequest>> {
  return (
    await h.control<{ requests: Array<LoggedRequest | InFlightRequest> }>(
      `requests?since=${encodeURIComponent(since.toISOString())}&inFlight=1`,
    )
  ).requests;
}

/** Supervisor actions (POST …/CCaaS_…) in the emulator's request log, in arrival order; with those still in flight. */
export async function actionRequests(h: Harness, since: Date, conversationId?: string) {
  return (await requestsWithInFlight(h, since))
    .filter((r) => r.method === 'POST' && r.path.includes('CCaaS_') && (!conversationId || r.path.includes(conversationId)))
    .sort((a, b) => a.id - b.id);
}
