import { describe, expect, it } from 'vitest';
import type { DataverseRequest, DataverseTransport } from '../../../lib/dataverse/transport';
import { readFull } from '../../../lib/feed/read-full';
import { platform, USER } from './fake-org';

describe('readFull', () => {
  it('reads the agents side by side with the conversations, not after them', async () => {
    const { transport } = platform();
    let agentsAsked!: () => void;
    const agentsRead = new Promise<void>((resolve) => (agentsAsked = resolve));
    let waitedInVain = false;
    // The conversations' answer is held until the agents have been asked for (or 1 s, then noted): read one after
    // the other, the agents would only be asked for once the conversations were in.
    const held: DataverseTransport = {
      org: transport.org,
      async send(request: DataverseRequest) {
        const path = decodeURIComponent(request.path);
        if (path.startsWith('msdyn_presences')) agentsAsked();
        if (path.startsWith('msdyn_ocliveworkitems') && path.includes('statecode eq 0')) {
          const timeout = new Promise<void>((resolve) => setTimeout(() => ((waitedInVain = true), resolve()), 1_000));
          await Promise.race([agentsRead, timeout]);
        }
        return transport.send(request);
      },
    };
    const result = await readFull(held, USER);
    expect(result.ok).toBe(true);
    expect(waitedInVain).toBe(false);
    if (result.ok) expect(result.value.conversations).toHaveLength(2);
  });
});
