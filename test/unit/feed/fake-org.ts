import type { Persisted } from '../../../lib/feed/persisted';
import type { DataverseOutcome, DataverseRequest, DataverseTransport } from '../../../lib/dataverse/transport';
import { id, Q1, session } from './fixtures';

/*
 * An org in memory and a hand-stepped timer, shared by the feed's tests (controller, access monitor, sync, scheduler).
 */
export const ORG = 'https://contoso.crm4.dynamics.com';
const WORKSTREAM = '00000000-0000-4000-8000-0000000000c1';
export const USER = '00000000-0000-4000-8000-000000000001';
const ok = (body: unknown): DataverseOutcome => ({ ok: true, status: 200, body, headers: {} });

export const raw = (n: number, change: Record<string, unknown> = {}) => ({
  '@odata.etag': 'W/"100"',
  activityid: id(n),
  subject: `Conversation ${n}`,
  statecode: 0,
  statuscode: 1,
  msdyn_channel: '192360000',
  _msdyn_cdsqueueid_value: Q1,
  _msdyn_lastsessionid_value: session(n),
  createdon: '2026-01-01T10:00:00Z',
  modifiedon: '2026-01-01T10:00:00Z',
  ...change,
});

/** An org in memory: answers every request the feed makes; `next` overrides one answer. */
export function platform() {
  const state = {
    switches: {} as Record<string, boolean>,
    ongoing: [raw(1), raw(2)],
    changed: [] as unknown[],
    next: [] as DataverseOutcome[],
    tracking: false,
    delta: [] as unknown[],
    /** Fails the first request whose path matches, once. */
    failOnce: null as ((path: string) => boolean) | null,
  };
  const sent: string[] = [];
  const transport: DataverseTransport = {
    org: ORG,
    async send(request: DataverseRequest) {
      const path = decodeURIComponent(request.path);
      sent.push(path);
      const forced = state.next.shift();
      if (forced) return forced;
      if (state.failOnce?.(path)) {
        state.failOnce = null;
        return { ok: false, kind: 'network', status: null, code: null, message: 'connection reset', retryAt: null };
      }
      if (path === 'WhoAmI()') return ok({ UserId: USER, BusinessUnitId: USER, OrganizationId: USER });
      if (path.startsWith(`systemusers(${USER})?`)) return ok({ fullname: 'Sofia', azureactivedirectoryobjectid: null });
      if (path.includes('systemuserroles_association')) return ok({ value: [{ name: 'Omnichannel supervisor' }] });
      if (path.startsWith('msdyn_omnichannelconfigurations')) return ok({ value: [state.switches] });
      if (path.includes('queuemembership_association') && path.startsWith('systemusers'))
        return ok({ value: [{ queueid: Q1, name: 'Billing', msdyn_queuetype: 192350000 }] });
      if (path.startsWith('msdyn_liveworkstreams'))
        return ok({
          value: [{ msdyn_liveworkstreamid: WORKSTREAM, msdyn_capacityrequired: 2, msdyn_allowedpresences: '192360000,192360001' }],
        });
      if (path.startsWith('queues?')) return ok({ value: [{ queueid: Q1, name: 'Billing', msdyn_queuetype: 192350000 }] });
      if (path.startsWith('msdyn_ocliveworkitems') && path.includes('statecode eq 0')) return ok({ value: state.ongoing });
      if (path.startsWith('msdyn_ocliveworkitems') && path.includes("PropertyName='activityid'")) {
        return ok({ value: state.ongoing.filter((row) => path.includes(`'${String((row as { activityid: string }).activityid)}'`)) });
      }
      if (state.tracking && request.headers?.Prefer === 'odata.track-changes')
        return ok({ value: state.ongoing, '@odata.deltaLink': `${ORG}/api/data/v9.2/msdyn_ocliveworkitems?$deltatoken=1` });
      if (path.includes('$deltatoken=1'))
        return ok({ value: state.delta, '@odata.deltaLink': `${ORG}/api/data/v9.2/msdyn_ocliveworkitems?$deltatoken=1` });
      if (path.startsWith('msdyn_ocliveworkitems') && path.includes('modifiedon ge')) return ok({ value: state.changed });
      if (path.includes('$top=1')) return ok({ value: [{ modifiedon: '2026-01-01T09:00:00Z' }] });
      return ok({ value: [] });
    },
  };
  return { state, sent, transport };
}

/** Rows a page in a large load's reads (`page=N` in each next link). */
const LARGE_PAGE = 1_000;

/**
 * The platform's conversations and present participants of a large first load, in pages of 1,000; `asked` hears
 * each page as it is asked for (`conversations 0`, `participants 1`, `participants by ids`) and may hold it back.
 */
export function pageLargeLoad(
  p: ReturnType<typeof platform>,
  org: { conversations: () => unknown[]; participants: () => unknown[] },
  asked: (what: string) => unknown = () => undefined,
) {
  const send = p.transport.send.bind(p.transport);
  const pageOf = (all: unknown[], n: number, base: string): DataverseOutcome => {
    const next = (n + 1) * LARGE_PAGE < all.length ? { '@odata.nextLink': `${base}?page=${n + 1}` } : {};
    return ok({ value: all.slice(n * LARGE_PAGE, (n + 1) * LARGE_PAGE), ...next });
  };
  p.transport.send = async (request) => {
    const path = decodeURIComponent(request.path);
    const n = Number(/page=(\d+)/.exec(path)?.[1] ?? 0);
    if (path.includes('statecode eq 0 and Microsoft') || path.startsWith('msdyn_ocliveworkitems?page=')) {
      await asked(`conversations ${n}`);
      return pageOf(org.conversations(), n, 'msdyn_ocliveworkitems');
    }
    if (path.includes('msdyn_lefton eq null') || path.startsWith('msdyn_sessionparticipants?page=')) {
      await asked(`participants ${n}`);
      return pageOf(org.participants(), n, 'msdyn_sessionparticipants');
    }
    if (path.startsWith('msdyn_sessionparticipants')) await asked('participants by ids');
    return send(request);
  };
}

export function scheduler() {
  const timers: { run: () => void; ms: number; live: boolean }[] = [];
  return {
    timers,
    schedule(run: () => void, ms: number) {
      const timer = { run, ms, live: true };
      timers.push(timer);
      return () => void (timer.live = false);
    },
    /** The cycle timer due next (the one scheduled last and still live, ignoring the aging check). */
    pending() {
      return timers.filter((t) => t.live && t.ms !== 10_001);
    },
    async fire() {
      const timer = this.pending().at(-1);
      if (!timer) throw new Error('nothing scheduled');
      timer.live = false;
      timer.run();
      await new Promise((resolve) => setTimeout(resolve, 0));
      for (let i = 0; i < 20; i++) await Promise.resolve();
    },
  };
}

/** storage.session as the feed sees it: what was saved comes back as a copy, as through browser storage. */
export function storage() {
  let value: Persisted | null = null;
  return { load: async () => value, save: async (v: Persisted) => void (value = JSON.parse(JSON.stringify(v)) as Persisted) };
}

export async function settle() {
  for (let i = 0; i < 50; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
