// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createOrgProfile } from '../../../lib/discovery/org-profile';
import { emulatedOrg } from './emulated-org';

const memory = <T>(value: T) => ({ get: async () => value, set: async (next: T) => void (value = next) });

describe('the org profile at sign-in', () => {
  it('says the org was updated when its version moved since the last sign-in, and only then', async () => {
    const org = await emulatedOrg('default');
    let updates = 0;
    const profile = createOrgProfile({
      contracts: memory({}),
      tracking: memory({}),
      metadataReader: () => org.readMetadata,
      now: Date.now,
      changed: () => undefined,
      updated: () => void updates++,
      log: () => undefined,
    });
    await profile.signedIn(org.transport);
    await profile.signedIn(org.transport);
    expect(updates).toBe(0);
    const before = profile.version();

    // The org now uses capacity profiles: its version moves, as after an update.
    await org.control('config', { capacityModel: 'profiles' });
    await profile.signedIn(org.transport);
    expect(profile.version()).not.toBe(before);
    expect(updates).toBe(1);
    await profile.signedIn(org.transport);
    expect(updates).toBe(1);
    await org.emulator.close();
  });
});
