// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator';
import { inFilter, query } from '../../../lib/dataverse/odata';

/** The client's In() filter read by the emulator (the platform's independent reading of the syntax). */
describe('inFilter against the emulated Web API', () => {
  const emulator = createEmulator({ scenario: 'empty', speed: 0 });
  afterAll(() => emulator.close());

  async function names(filter: string): Promise<string[]> {
    const token = await emulator.fetch(
      new Request('http://127.0.0.1/_emulator/token', {
        method: 'POST',
        body: JSON.stringify({ user: 'sofia@contoso.test' }),
        headers: { 'content-type': 'application/json' },
      }),
    );
    const { access_token } = (await token.json()) as { access_token: string };
    const response = await emulator.fetch(
      new Request(`http://127.0.0.1/api/data/v9.2/queues${query({ $select: 'name', $filter: filter })}`, {
        headers: { authorization: `Bearer ${access_token}`, accept: 'application/json' },
      }),
    );
    const body = (await response.json()) as { value?: { name: string }[]; error?: { message: string } };
    if (!response.ok) throw new Error(body.error?.message);
    return (body.value ?? []).map((row) => row.name).sort();
  }

  it('matches by logical name, and a value with an apostrophe is accepted rather than breaking the list', async () => {
    const all = await names('statecode eq 0');
    const [first] = all;
    expect(first).toBeDefined();
    expect(await names(inFilter('name', [first!, "O'Brien's queue"]))).toEqual([first]);
  });

  it('would be refused with the lookup’s _x_value name, as Dataverse refuses it', async () => {
    await expect(names(inFilter('_msdyn_operatinghourid_value', ['00000000-0000-0000-0000-000000000000']))).rejects.toThrow(
      /_msdyn_operatinghourid_value/,
    );
  });
});
