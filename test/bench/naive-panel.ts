/**
 * The comparison point: a naive panel that re-reads the whole ongoing list every interval — every page of the
 * supervisor's queues' ongoing conversations, with the columns the extension's list reads — and never starts a read
 * before the last one ended. Runs in Node as another supervisor of the same queues (Sam), so its requests never
 * mix with the extension's in the log. It is not what the native report does: that one is refreshed by hand.
 */
import { SAM } from '../../emulator';
import type { Org } from './org';
import { distribution, type Distribution } from './stats';
import { sleep } from './time-box';

/** The columns the extension's conversation list reads today (what a panel showing the same list needs). */
const COLUMNS = [
  'activityid',
  'subject',
  'statecode',
  'statuscode',
  'msdyn_channel',
  '_msdyn_activeagentid_value',
  '_msdyn_cdsqueueid_value',
  '_msdyn_liveworkstreamid_value',
  '_msdyn_customer_value',
  '_msdyn_lastsessionid_value',
  'createdon',
  'modifiedon',
  'msdyn_activeagentassignedon',
  'msdyn_statusupdatedon',
  'msdyn_conversationfirstwaittimeinseconds',
  'msdyn_customersentimentlabel',
  'msdyn_transfercount',
  'msdyn_statuschangereason',
].join(',');
const API = '/api/data/v9.2/';
const PAGE_SIZE = 5000;

export interface NaiveRead {
  startedAt: number;
  ms: number;
  requests: number;
  bytes: number;
}

export interface NaiveFigures {
  ongoing: number;
  intervalMs: number;
  reads: NaiveRead[];
  readMs: Distribution;
  /** Reads a minute: one every interval, or back to back when a read takes longer than the interval. */
  readsPerMin: number;
  requestsPerMin: number;
  bytesPerMin: number;
}

/** Per-minute cost of reading every interval, never two reads at once: bounded by the read's own time. */
export function naiveRates(
  reads: readonly NaiveRead[],
  intervalMs: number,
): Pick<NaiveFigures, 'readsPerMin' | 'requestsPerMin' | 'bytesPerMin'> {
  if (reads.length === 0) return { readsPerMin: 0, requestsPerMin: 0, bytesPerMin: 0 };
  const mean = (pick: (read: NaiveRead) => number) => reads.reduce((sum, read) => sum + pick(read), 0) / reads.length;
  const readsPerMin =
    60_000 /
    Math.max(
      intervalMs,
      mean((read) => read.ms),
    );
  return {
    readsPerMin,
    requestsPerMin: readsPerMin * mean((read) => read.requests),
    bytesPerMin: readsPerMin * mean((read) => read.bytes),
  };
}

async function readAll(org: Org, token: string, firstUrl: string): Promise<{ requests: number; bytes: number; rows: number }> {
  let url: string | undefined = firstUrl;
  let requests = 0;
  let bytes = 0;
  let rows = 0;
  while (url) {
    const response: Response = await fetch(url, {
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        prefer: `odata.include-annotations="*",odata.maxpagesize=${PAGE_SIZE}`,
      },
    });
    const body = await response.arrayBuffer();
    requests++;
    bytes += body.byteLength;
    if (!response.ok) throw new Error(`The naive panel's read failed: ${response.status}`);
    const page = JSON.parse(new TextDecoder().decode(body)) as { value: unknown[]; '@odata.nextLink'?: string };
    rows += page.value.length;
    url = page['@odata.nextLink'];
  }
  return { requests, bytes, rows };
}

/** Reads the whole list every `intervalMs` (never overlapping) until `reads` reads are done or `windowMs` has passed. */
export async function runNaivePanel(org: Org, spec: { intervalMs: number; windowMs: number; maxReads?: number }): Promise<NaiveFigures> {
  const { access_token: token } = await org.control<{ access_token: string }>('token', { user: SAM.upn });
  const queues = await fetch(`${org.url}${API}systemusers(${SAM.systemuserid})/queuemembership_association?$select=queueid`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  const queueIds = ((await queues.json()) as { value: { queueid: string }[] }).value.map((queue) => `'${queue.queueid}'`);
  const filter = `statecode eq 0 and Microsoft.Dynamics.CRM.In(PropertyName='msdyn_cdsqueueid',PropertyValues=[${queueIds.join(',')}])`;
  const first = `${org.url}${API}msdyn_ocliveworkitems?$select=${COLUMNS}&$filter=${encodeURIComponent(filter)}&$orderby=modifiedon asc`;
  const reads: NaiveRead[] = [];
  let ongoing = 0;
  const end = Date.now() + spec.windowMs;
  while (Date.now() < end && reads.length < (spec.maxReads ?? Number.POSITIVE_INFINITY)) {
    const startedAt = Date.now();
    const read = await readAll(org, token, first);
    ongoing = read.rows;
    reads.push({ startedAt, ms: Date.now() - startedAt, requests: read.requests, bytes: read.bytes });
    await sleep(Math.max(0, startedAt + spec.intervalMs - Date.now()));
  }
  return {
    ongoing,
    intervalMs: spec.intervalMs,
    reads,
    readMs: distribution(reads.map((read) => read.ms)),
    ...naiveRates(reads, spec.intervalMs),
  };
}
