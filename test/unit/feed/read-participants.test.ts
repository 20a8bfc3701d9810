import { describe, expect, it, vi } from 'vitest';
import { ConversationRowSchema } from '../../../lib/dataverse/operations/conversations';
import type { DataverseRequest, DataverseTransport } from '../../../lib/dataverse/transport';
import { readOngoing, readParticipantsOf, Reader } from '../../../lib/feed/read-full';
import { pageLargeLoad, platform, raw, USER } from './fake-org';
import { id, session } from './fixtures';

const participant = (n: number, sessionN: number) => ({
  msdyn_sessionparticipantid: id(100_000 + n),
  _msdyn_agentid_value: id(900),
  _msdyn_omnichannelsession_value: session(sessionN),
  msdyn_mode: 192350002,
  msdyn_assignreason: null,
  msdyn_addedon: '2026-01-01T10:00:00Z',
  msdyn_joinedon: '2026-01-01T10:00:01Z',
  msdyn_lefton: null,
  statecode: 0,
  modifiedon: '2026-01-01T10:00:01Z',
});

/** An org whose present participants come in `pages` pages: one per session of `sessions`, plus other supervisors' sessions. */
function org(options: { sessions: number; others: number; pages: number }) {
  const sent: string[] = [];
  const present = [
    ...Array.from({ length: options.sessions }, (_, n) => participant(n, n)),
    ...Array.from({ length: options.others }, (_, n) => participant(options.sessions + n, 50_000 + n)),
  ];
  const perPage = Math.ceil(present.length / options.pages);
  const transport: DataverseTransport = {
    org: 'https://contoso.crm4.dynamics.com',
    async send(request: DataverseRequest) {
      const path = decodeURIComponent(request.path);
      sent.push(path);
      if (path.includes('msdyn_lefton eq null') || path.includes('page=')) {
        const page = Number(/page=(\d+)/.exec(path)?.[1] ?? 0);
        const next = (page + 1) * perPage < present.length ? { '@odata.nextLink': `msdyn_sessionparticipants?page=${page + 1}` } : {};
        return { ok: true, status: 200, headers: {}, body: { value: present.slice(page * perPage, (page + 1) * perPage), ...next } };
      }
      const ids = new Set(path.match(/00000000-0000-4000-9000-\d{12}/g));
      return { ok: true, status: 200, headers: {}, body: { value: present.filter((row) => ids.has(row._msdyn_omnichannelsession_value)) } };
    },
  };
  return { transport, sent };
}

const sessions = (count: number) => Array.from({ length: count }, (_, n) => session(n));

/** 3,000 ongoing in pages of 1,000, each with its participant; `order` hears each page as it is asked for. */
function largeLoad() {
  const p = platform();
  const rows = Array.from({ length: 3_000 }, (_, n) => raw(n));
  const present = rows.map((_, n) => participant(n, n));
  const order: string[] = [];
  pageLargeLoad(p, { conversations: () => rows, participants: () => present }, (what) => order.push(what));
  return { p, order };
}

describe('reading the participants of a first load', () => {
  it('reads many sessions’ participants as the org’s present ones, a few pages instead of a request per 200 sessions', async () => {
    const { transport, sent } = org({ sessions: 10_000, others: 2_000, pages: 3 });
    const result = await readParticipantsOf(transport, sessions(10_000));
    expect(result.ok && result.value.length).toBe(10_000); // the other sessions' participants are left out
    expect(sent).toHaveLength(3);
  });

  it('reads by ids when the org has far more sessions than the supervisor’s, after at most a fifth of the requests', async () => {
    const { transport, sent } = org({ sessions: 2_000, others: 40_000, pages: 9 });
    const result = await readParticipantsOf(transport, sessions(2_000));
    expect(result.ok && result.value.length).toBe(2_000);
    const byIds = sent.filter((path) => !path.includes('msdyn_lefton eq null') && !path.includes('page='));
    expect(byIds).toHaveLength(10);
    expect(sent.length - byIds.length).toBe(2); // gave up after two pages (10 requests by ids / 5)
  });

  it('reads a few sessions by ids only', async () => {
    const { transport, sent } = org({ sessions: 300, others: 0, pages: 1 });
    const result = await readParticipantsOf(transport, sessions(300));
    expect(result.ok && result.value.length).toBe(300);
    expect(sent).toHaveLength(2);
    expect(sent.some((path) => path.includes('msdyn_lefton eq null'))).toBe(false);
  });

  it('reads a large load’s participants beside its conversation pages, not after the last one', async () => {
    // A full first page means many sessions, so the org's present ones are read at once.
    const { p, order } = largeLoad();
    const result = await readOngoing(new Reader(p.transport), USER);
    expect(result.ok && result.value.conversations.length).toBe(3_000);
    expect(result.ok && result.value.participants.length).toBe(3_000);
    expect(order.indexOf('participants 0')).toBeLessThan(order.indexOf('conversations 2'));
    expect(order).not.toContain('participants by ids');
    expect(order.filter((entry) => entry.startsWith('participants'))).toHaveLength(3);
  });

  it('asks for the org’s participants as soon as the first full page comes, before its rows are checked', async () => {
    const { p, order } = largeLoad();
    const checkRow = ConversationRowSchema.safeParse;
    const check = vi.spyOn(ConversationRowSchema, 'safeParse').mockImplementation((row, params) => {
      if (!order.includes('first row checked')) order.push('first row checked');
      return checkRow(row, params);
    });
    const result = await readOngoing(new Reader(p.transport), USER);
    check.mockRestore();
    expect(result.ok && result.value.conversations.length).toBe(3_000);
    expect(order.indexOf('participants 0')).toBeGreaterThan(-1);
    expect(order.indexOf('participants 0')).toBeLessThan(order.indexOf('first row checked'));
  });
});
