/**
 * Changes on the platform, written the way they arrive from elsewhere, from a seeded generator: a conversation's
 * subject changed by another supervisor (Web API, signed in as Sam), an agent's presence changed (as the platform
 * records it, through the emulator's row control), a transfer started by another supervisor (the CCaaS action, as
 * Sam). Each is timed from the moment its write is sent until the probe sees it in the view's DOM.
 */
import type { Frame } from 'puppeteer';
import { SAM } from '../../emulator';
import type { ChangeSample } from './freshness';
import type { Org } from './org';
import type { Probe } from './page-probe';
import { poissonGapMs } from './stats';
import { sleep } from './time-box';

const API = '/api/data/v9.2/';
const STATUS_ACTIVE = 2;
const CHANNEL_LIVE_CHAT = 192360000;
const FORMATTED = '@OData.Community.Display.V1.FormattedValue';

export interface Agent {
  statusId: string;
  name: string;
}

export interface Writer {
  /** A Web API GET as Sam; the whole body. */
  get<T>(path: string, pageSize?: number): Promise<T>;
  patchSubject(conversationId: string, subject: string): Promise<boolean>;
  setPresence(agentStatusId: string, presenceId: string): Promise<boolean>;
  /** Starts a supervisor transfer to `agentId`; true when the platform took it (the transfer is pending). */
  transfer(conversationId: string, agentId: string): Promise<boolean>;
  /** Agents with a status row and a name no other agent has (so their row in the agents view is theirs alone). */
  agents(): Promise<Agent[]>;
  presences(): Promise<{ id: string; name: string }[]>;
  queueMembers(queueId: string): Promise<string[]>;
  /** Some ongoing conversation ids, for writes that only need to land somewhere. */
  ongoingIds(): Promise<string[]>;
}

export async function createWriter(org: Org): Promise<Writer> {
  const { access_token: token } = await org.control<{ access_token: string }>('token', { user: SAM.upn });
  const headers = (extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${token}`,
    accept: 'application/json',
    'odata-version': '4.0',
    ...extra,
  });
  const get = async <T>(path: string, pageSize?: number): Promise<T> => {
    const prefer = ['odata.include-annotations="*"', ...(pageSize ? [`odata.maxpagesize=${pageSize}`] : [])].join(',');
    const response = await fetch(`${org.url}${API}${path}`, { headers: headers({ prefer }) });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${(await response.text()).slice(0, 200)}`);
    return (await response.json()) as T;
  };
  const send = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${org.url}${API}${path}`, {
      method,
      headers: headers({ 'content-type': 'application/json', 'if-match': '*' }),
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
    return response.ok;
  };
  const members = new Map<string, string[]>();
  return {
    get,
    patchSubject: (id, subject) => send('PATCH', `msdyn_ocliveworkitems(${id})`, { subject }),
    async setPresence(statusId, presenceId) {
      const response = await fetch(`${org.url}/_emulator/rows/msdyn_agentstatuses/${statusId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ set: { _msdyn_currentpresenceid_value: presenceId } }),
      });
      await response.arrayBuffer();
      return response.ok;
    },
    transfer: (id, agentId) =>
      send('POST', `msdyn_ocliveworkitems(${id})/Microsoft.Dynamics.CRM.CCaaS_InitiateAgentTransferBySupervisor`, {
        ApiVersion: '1.0',
        AgentId: agentId,
      }),
    async agents() {
      const { value } = await get<{ value: Record<string, unknown>[] }>(
        'msdyn_agentstatuses?$select=msdyn_agentstatusid,_msdyn_agentid_value',
        5000,
      );
      const named = value.map((row) => ({
        statusId: String(row.msdyn_agentstatusid),
        name: textOf(row[`_msdyn_agentid_value${FORMATTED}`]),
      }));
      const count = new Map<string, number>();
      for (const agent of named) count.set(agent.name, (count.get(agent.name) ?? 0) + 1);
      return named.filter((agent) => agent.name !== '' && count.get(agent.name) === 1);
    },
    async presences() {
      const { value } = await get<{ value: { msdyn_presenceid: string; msdyn_name: string }[] }>(
        'msdyn_presences?$select=msdyn_presenceid,msdyn_name',
      );
      return value.map((row) => ({ id: row.msdyn_presenceid, name: row.msdyn_name }));
    },
    async queueMembers(queueId) {
      let list = members.get(queueId);
      if (!list) {
        const { value } = await get<{ value: { systemuserid: string }[] }>(
          `queues(${queueId})/queuemembership_association?$select=systemuserid`,
        );
        members.set(queueId, (list = value.map((row) => row.systemuserid)));
      }
      return list;
    },
    async ongoingIds() {
      const { value } = await get<{ value: { activityid: string }[] }>(
        'msdyn_ocliveworkitems?$select=activityid&$filter=statecode eq 0',
        2000,
      );
      return value.map((row) => row.activityid);
    },
  };
}

export interface GeneratorSpec {
  probe: Probe;
  writer: Writer;
  random: () => number;
  /** Changes to write, and how many a second on average (Poisson arrivals). */
  count: number;
  perSecond: number;
  /** A change not in the DOM this long after its write is a miss. */
  missAfterMs: number;
  /** Makes every marker text and watch key unique in the session. */
  label: string;
  /** Told what the view showed for each miss at its deadline (a miss that says why is one the next engineer can act on). */
  log?: (line: string) => void;
}

interface Written {
  key: string;
  writtenAt: number;
}

/** Waits until every written change was seen or its time ran out, then turns the writes into samples. */
async function collect(
  probe: Probe,
  kind: ChangeSample['kind'],
  written: readonly Written[],
  missAfterMs: number,
  log?: (line: string) => void,
): Promise<ChangeSample[]> {
  const last = written.reduce((max, change) => Math.max(max, change.writtenAt), 0);
  let seen = await probe.seen();
  while (written.some((change) => seen[change.key] === undefined) && Date.now() < last + missAfterMs) {
    await sleep(250);
    seen = await probe.seen();
  }
  for (const change of written) {
    if (seen[change.key] !== undefined) continue;
    log?.(
      `freshness: missed ${change.key} (written ${new Date(change.writtenAt).toISOString().slice(11, 19)}): ${await probe.explain(change.key)}`,
    );
    await probe.unwatch(change.key);
  }
  return written.map((change) => ({ kind, writtenAt: change.writtenAt, seenAt: seen[change.key] ?? null }));
}

/** Waits for the next arrival of a Poisson stream timed from its first call, so slow steps do not push later moments back. */
function arrivals(random: () => number, perSecond: number): () => Promise<void> {
  let next = Date.now();
  return async () => {
    next += poissonGapMs(random(), perSecond);
    await sleep(Math.max(0, next - Date.now()));
  };
}

/**
 * Conversation changes: each to a row the view has in its DOM at that moment with no change of ours still waiting
 * (a new subject, a unique marker), seen when the row's DOM contains the marker. Picking the row and watching it is
 * one call to the page, so a slow machine lowers the rate a little rather than stretching every step.
 */
export async function conversationChanges(spec: GeneratorSpec): Promise<{ samples: ChangeSample[]; failedWrites: number }> {
  const written: Written[] = [];
  const next = arrivals(spec.random, spec.perSecond);
  let failedWrites = 0;
  let n = 0;
  // Bounded: a view that shows no rows (another tab in front) ends the run short instead of hanging it.
  for (let tries = 0; written.length < spec.count && tries < spec.count * 3; tries++) {
    await next();
    const key = `${spec.label}-c${++n}`;
    const text = `[bench ${key}]`;
    const id = await spec.probe.watchRandomRow(key, text, spec.random());
    if (id === null) continue;
    const writtenAt = Date.now();
    if (await spec.writer.patchSubject(id, text)) written.push({ key, writtenAt });
    else {
      failedWrites++;
      await spec.probe.unwatch(key);
    }
  }
  return { samples: await collect(spec.probe, 'conversation', written, spec.missAfterMs, spec.log), failedWrites };
}

/**
 * Presence changes: an agent the agents view shows (seeded pick) with no change of ours still waiting gets a presence
 * their row does not show yet (seeded rotation of the platform's presences); seen when the agent's row shows its
 * name. The view must be on its agents tab.
 */
export async function presenceChanges(
  spec: GeneratorSpec & { agents: readonly Agent[]; presences: readonly { id: string; name: string }[] },
): Promise<{ samples: ChangeSample[]; failedWrites: number }> {
  const written: Written[] = [];
  const next = arrivals(spec.random, spec.perSecond);
  const statusOf = new Map(spec.agents.map((agent) => [agent.name, agent.statusId]));
  const names = spec.agents.map((agent) => agent.name);
  let failedWrites = 0;
  let n = 0;
  for (let tries = 0; written.length < spec.count && tries < spec.count * 3; tries++) {
    await next();
    const offset = Math.floor(spec.random() * spec.presences.length);
    const rotated = [...spec.presences.slice(offset), ...spec.presences.slice(0, offset)];
    const key = `${spec.label}-p${++n}`;
    const picked = await spec.probe.watchNewPresence(
      key,
      names,
      rotated.map((presence) => presence.name),
      spec.random(),
    );
    const presence = picked && rotated.find((candidate) => candidate.name === picked.presence);
    if (!picked || !presence) continue;
    const writtenAt = Date.now();
    if (await spec.writer.setPresence(statusOf.get(picked.name)!, presence.id)) written.push({ key, writtenAt });
    else {
      failedWrites++;
      await spec.probe.unwatch(key);
    }
  }
  return { samples: await collect(spec.probe, 'presence', written, spec.missAfterMs, spec.log), failedWrites };
}

/**
 * Pending transfers, one at a time: an active live-chat conversation (seeded pick) is found with the view's search
 * and its details opened, then another supervisor starts a transfer to an agent of its queue; seen when the row or
 * its details show the pending transfer. The details are closed and the search cleared after each.
 */
export async function pendingTransfers(
  spec: GeneratorSpec & { frame: Frame; pendingText: string },
): Promise<{ samples: ChangeSample[]; failedWrites: number }> {
  const samples: ChangeSample[] = [];
  let failedWrites = 0;
  const search = async (text: string) => {
    const input = await spec.frame.waitForSelector('input[type="search"]', { timeout: 10_000 });
    await input!.click({ count: 3 });
    await input!.press('Backspace');
    if (text) await input!.type(text);
  };
  for (let n = 1; samples.length < spec.count && n <= spec.count * 3; n++) {
    const { value } = await spec.writer.get<{ value: Record<string, unknown>[] }>(
      `msdyn_ocliveworkitems?$select=activityid,_msdyn_cdsqueueid_value,_msdyn_activeagentid_value&$filter=statecode eq 0 and statuscode eq ${STATUS_ACTIVE} and Microsoft.Dynamics.CRM.ContainValues(PropertyName='msdyn_channel',PropertyValues=['${CHANNEL_LIVE_CHAT}'])`,
      500,
    );
    const row = value[Math.floor(spec.random() * value.length)];
    if (!row) break;
    const id = String(row.activityid);
    // A prefix of the id finds the row as surely and types in a quarter of the keystrokes.
    await search(id.slice(0, 13));
    const shown = await spec.frame.waitForSelector(`[id="fw-row-${id}"]`, { timeout: 10_000 }).catch(() => null);
    if (!shown) continue;
    await shown.click();
    const dialog = await spec.frame.waitForSelector('dialog[open]', { timeout: 10_000 }).catch(() => null);
    if (dialog) {
      const key = `${spec.label}-t${n}`;
      await spec.probe.watch(key, { kind: 'pending', id, text: spec.pendingText });
      const candidates = (await spec.writer.queueMembers(String(row._msdyn_cdsqueueid_value))).filter(
        (agent) => agent !== row._msdyn_activeagentid_value,
      );
      let writtenAt: number | null = null;
      for (let attempt = 0; attempt < 6 && writtenAt === null && candidates.length > 0; attempt++) {
        const agent = candidates[Math.floor(spec.random() * candidates.length)]!;
        const sentAt = Date.now();
        if (await spec.writer.transfer(id, agent)) writtenAt = sentAt;
      }
      if (writtenAt === null) {
        failedWrites++;
        await spec.probe.unwatch(key);
      } else samples.push(...(await collect(spec.probe, 'participant', [{ key, writtenAt }], spec.missAfterMs, spec.log)));
      await spec.frame.page().keyboard.press('Escape');
      await spec.frame.waitForSelector('dialog[open]', { hidden: true, timeout: 10_000 }).catch(() => undefined);
    }
    await search('');
  }
  return { samples, failedWrites };
}

/** Changes to random ongoing conversations at `perSecond`, unwatched, until `until` (epoch ms): steady updates. */
export async function backgroundWrites(
  writer: Writer,
  ids: readonly string[],
  random: () => number,
  perSecond: number,
  until: number,
): Promise<number> {
  let n = 0;
  while (Date.now() < until && ids.length > 0) {
    await sleep(Math.min(poissonGapMs(random(), perSecond), Math.max(0, until - Date.now())));
    if (Date.now() >= until) break;
    await writer.patchSubject(ids[Math.floor(random() * ids.length)]!, `Bench update ${++n}`);
  }
  return n;
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
