/**
 * `npm run bench:cold`: where a cold start's time goes — sign-in to the whole list in the overlay, with every request
 * the extension made on the way (arrival and end at the emulator, bytes), in a fresh browser per run. The emulator
 * answers in microseconds and serves one request at a time; `--latency 150` adds that much to every answer and
 * `--profiles` plays an org with capacity profiles, which is nearer what a real org's round trips cost. Prints only;
 * the bench's targets stay in `npm run bench`.
 *
 *   npm run bench:cold -- [--ongoing 10000] [--runs 3] [--latency 0] [--profiles]
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './browser-session';
import { startOrg } from './org';
import type { Traffic } from './traffic';
import { coldStart } from './view-phases';

const LIMIT_MS = 120_000;
const { values } = parseArgs({
  options: {
    ongoing: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    latency: { type: 'string', default: '0' },
    profiles: { type: 'boolean', default: false },
  },
});
const ongoing = Number(values.ongoing);
const runs = Number(values.runs);
const latencyMs = Number(values.latency);

/** A request as the timeline shows it: ms after the sign-in, the table or function, and its size. */
const line = (request: Traffic, t0: number) =>
  `${String(request.arrivedAt - t0).padStart(6)} → ${String(request.doneAt - t0).padStart(6)} ms ${String(request.bytes).padStart(9)} B  ${request.method} ${decodeURIComponent(
    request.path,
  )
    .replace(/^.*\/api\/data\/v[\d.]+\//, '')
    .slice(0, 90)}`;

const since = (at: number | undefined, from: number | undefined) => (at === undefined || from === undefined ? '–' : `${at - from} ms`);
const firstAt = (requests: readonly Traffic[], part: string) => requests.find((request) => request.path.includes(part))?.arrivedAt;

execFileSync('npx', ['wxt', 'build', '--mode', 'test'], {
  cwd: resolve(import.meta.dirname, '../..'),
  stdio: ['ignore', 'ignore', 'inherit'],
});
const org = await startOrg({ scenario: 'busy', ongoing: ongoing === 10_000 ? undefined : ongoing });
try {
  if (values.profiles) await org.control('config', { capacityModel: 'profiles' });
  if (latencyMs > 0) await org.control('faults', { latencyMs });
  console.log(`${ongoing} ongoing, ${latencyMs} ms added to each answer${values.profiles ? ', capacity profiles' : ''}`);
  for (let run = 1; run <= runs; run++) {
    const session = await launchBrowser(org);
    try {
      const t0 = Date.now();
      const cold = await coldStart(session, org, LIMIT_MS);
      const requests = (await org.traffic(t0)).filter(
        (request) => request.via === 'cookie' && request.arrivedAt <= (cold.fullAt ?? Date.now()),
      );
      const who = firstAt(requests, 'WhoAmI');
      const page = firstAt(requests, 'msdyn_ocliveworkitems');
      console.log(
        `run ${run}: whole list ${cold.ms === null ? `not within ${LIMIT_MS / 1000} s` : `${cold.ms} ms`}; first request ${since(who, t0)} after the sign-in; first conversation page asked ${since(page, who)} after it`,
      );
      if (run === 1) for (const request of requests) console.log(`  ${line(request, t0)}`);
    } finally {
      await session.close();
    }
  }
} finally {
  await org.stop();
}
