import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../../emulator';
import { setOngoing } from '../../bench/scale-world';

const ongoing = (e: Emulator) => [...e.world.store.rows('msdyn_ocliveworkitems')].filter((row) => row.statecode === 0);

describe('bench: setting how many conversations are ongoing', () => {
  let emulator: Emulator | undefined;
  afterEach(async () => emulator?.close());

  it('trims the ongoing set with its sessions and participants', () => {
    emulator = createEmulator({ scenario: 'typical', speed: 0 });
    const sessionsBefore = [...emulator.world.store.rows('msdyn_ocsessions')].length;
    expect(setOngoing(emulator, 10)).toBe(10);
    expect(ongoing(emulator)).toHaveLength(10);
    expect([...emulator.world.store.rows('msdyn_ocsessions')].length).toBeLessThan(sessionsBefore);
  });

  it('copies ongoing conversations with their own session and participants, stamped in the past', () => {
    emulator = createEmulator({ scenario: 'typical', speed: 0 });
    const store = emulator.world.store;
    const now = emulator.world.clock.nowMs();
    const before = new Set(ongoing(emulator).map((row) => row.activityid));
    expect(setOngoing(emulator, 150)).toBe(150);
    const copies = ongoing(emulator).filter((row) => !before.has(row.activityid));
    expect(copies).toHaveLength(150 - before.size);
    const withSession = copies.filter((row) => typeof row._msdyn_lastsessionid_value === 'string');
    expect(withSession.length).toBeGreaterThan(0);
    for (const copy of withSession) {
      const session = store.get('msdyn_ocsessions', String(copy._msdyn_lastsessionid_value));
      expect(session?._msdyn_liveworkitemid_value).toBe(copy.activityid);
    }
    const sessions = new Set(withSession.map((row) => row._msdyn_lastsessionid_value));
    const participants = [...store.rows('msdyn_sessionparticipants')].filter((p) => sessions.has(p._msdyn_omnichannelsession_value));
    expect(participants.length).toBeGreaterThan(0);
    expect(copies.every((row) => Date.parse(String(row.modifiedon)) <= now)).toBe(true);
  });
});
