import type { Harness } from './harness';

/**
 * The emulated org's conversations as the test reads them: straight from the Web API, as Sofia (the supervisor),
 * never from our UI. What an action did is checked here.
 */

export const SOFIA = '5f0f1a00-0000-4000-8000-000000000001';
export const CHAT = '192360000';
export const VOICE = '192370000';
export const RECORDS = '192350000';
const MESSAGING = ['192360000', '192300000', '192340000', '192330000', '19241000', '192350002'];

export interface Row {
  activityid: string;
  subject: string;
  statuscode: number;
  msdyn_channel: string;
  _msdyn_activeagentid_value: string | null;
  _msdyn_cdsqueueid_value: string | null;
}

export const isMessagingActive = (r: Row) =>
  r.statuscode === 2 && MESSAGING.includes(r.msdyn_channel) && r._msdyn_activeagentid_value !== SOFIA;
export const isOpenUnassigned = (r: Row) => r.statuscode === 1 && r._msdyn_activeagentid_value === null && r.msdyn_channel !== RECORDS;

/** Reads the org through its Web API as Sofia; `pick` hands out each conversation once per reader. */
export async function orgReader(h: Harness) {
  const token = (await h.control<{ access_token: string }>('token', { user: 'sofia@contoso.test' })).access_token;
  const used = new Set<string>();
  const api = async <T>(method: string, path: string, headers: Record<string, string> = {}): Promise<T> => {
    const response = await fetch(`${h.emulatorUrl}/api/data/v9.2/${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...headers },
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const ongoing = async () =>
    (
      await api<{ value: Row[] }>(
        'GET',
        'msdyn_ocliveworkitems?$select=activityid,subject,statuscode,msdyn_channel,_msdyn_activeagentid_value,_msdyn_cdsqueueid_value&$filter=statecode eq 0',
      )
    ).value;
  return {
    api,
    /** A conversation no other check has touched yet. */
    async pick(test: (row: Row) => boolean): Promise<Row> {
      const row = (await ongoing()).find((r) => !used.has(r.activityid) && test(r));
      if (!row) throw new Error('The scenario has no conversation for this check');
      used.add(row.activityid);
      return row;
    },
  };
}
