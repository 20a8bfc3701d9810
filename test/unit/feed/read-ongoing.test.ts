import { describe, expect, it } from 'vitest';
import type { DataverseOutcome } from '../../../lib/dataverse/transport';
import { readOngoing, Reader, type OngoingStream } from '../../../lib/feed/read-full';
import { pageLargeLoad, platform, raw, USER } from './fake-org';

/**
 * The fake org with its workstreams answer (the capacity model's first table) held back until `release`, or answered
 * with `outcome`; `events` says what was asked and answered, and what the stream was handed, in order.
 */
function slowCapacityModel(outcome?: DataverseOutcome) {
  const p = platform();
  const events: string[] = [];
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const send = p.transport.send.bind(p.transport);
  p.transport.send = async (request) => {
    const path = decodeURIComponent(request.path);
    if (path.startsWith('msdyn_ocliveworkitems')) events.push('conversations asked');
    if (!path.startsWith('msdyn_liveworkstreams')) return send(request);
    await held;
    events.push('workstreams answered');
    return outcome ?? send(request);
  };
  const stream: OngoingStream = {
    setup: () => void events.push('setup'),
    participants: () => void events.push('participants'),
    conversations: (rows) => void events.push(`${rows.length} conversations`),
  };
  return { p, events, release, stream };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('reading the ongoing list', () => {
  it('asks for the conversations once the queues are known, while the capacity model is still read', async () => {
    const { p, events, release, stream } = slowCapacityModel();
    const reading = readOngoing(new Reader(p.transport), USER, stream);
    await settled();
    expect(events).toEqual(['conversations asked']);
    release();
    const result = await reading;
    expect(result.ok && result.value.conversations).toHaveLength(2);
    expect(result.ok && result.value.workstreams).toHaveLength(1);
  });

  it('hands no row on before the capacity model is in, then the setup, the participants and the rows in that order', async () => {
    const { p, events, release, stream } = slowCapacityModel();
    const reading = readOngoing(new Reader(p.transport), USER, stream);
    await settled();
    await settled();
    expect(events).not.toContain('2 conversations');
    release();
    await reading;
    expect(events.slice(1)).toEqual(['workstreams answered', 'setup', 'participants', '2 conversations']);
  });

  it('hands the pages held for the participants on one at a time, as they came', async () => {
    const p = platform();
    const rows = Array.from({ length: 3_000 }, (_, n) => raw(n));
    let lastPageAsked: () => void = () => undefined;
    const allAsked = new Promise<void>((resolve) => (lastPageAsked = resolve));
    // The participants come after the last of three conversation pages was asked for (pages of 1,000).
    pageLargeLoad(p, { conversations: () => rows, participants: () => [] }, async (what) => {
      if (what === 'conversations 2') lastPageAsked();
      if (what === 'participants 0') await allAsked.then(() => new Promise((resolve) => setTimeout(resolve, 10)));
    });
    const handed: string[] = [];
    const stream: OngoingStream = {
      setup: () => void handed.push('setup'),
      participants: () => void handed.push('participants'),
      conversations: (page) => void handed.push(`${page.length} conversations`),
    };
    const result = await readOngoing(new Reader(p.transport), USER, stream);
    expect(result.ok && result.value.conversations).toHaveLength(3_000);
    expect(handed).toEqual(['setup', 'participants', '1000 conversations', '1000 conversations', '1000 conversations']);
  });

  it('hands nothing on once it has failed, though its capacity model comes later', async () => {
    const { p, events, release, stream } = slowCapacityModel();
    p.state.failOnce = (path) => path.startsWith('msdyn_ocliveworkitems');
    const result = await readOngoing(new Reader(p.transport), USER, stream);
    expect(result.ok).toBe(false);
    release();
    await settled();
    expect(events).toContain('workstreams answered');
    expect(events).not.toContain('setup');
  });

  it('fails when the capacity model cannot be read, and hands nothing on', async () => {
    const refused: DataverseOutcome = { ok: false, kind: 'network', status: null, code: null, message: 'connection reset', retryAt: null };
    const { p, events, release, stream } = slowCapacityModel(refused);
    release();
    const result = await readOngoing(new Reader(p.transport), USER, stream);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.failure.message).toBe('connection reset');
    expect(events.filter((event) => !/ asked| answered/.test(event))).toEqual([]);
  });
});
