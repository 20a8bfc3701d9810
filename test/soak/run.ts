/**
 * `npm run soak`: an hour of simulated traffic (the emulator's clock at 20× speed, three minutes of wall time) with
 * random faults and actions from a seed, then the checks. Prints the figures; exits 1 if a check fails.
 *   npm run soak -- --seed 7 --minutes 60 --speed 20
 * `npm run soak -- --real`: the same in real time (speed 1) for 11 minutes, long enough for the worker's periodic
 * full re-read, which runs on the browser's clock; `--minutes` sets another length (under 11, no re-read is due).
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { runSoak } from './soak';
import { soakProblems } from './verdict';

const REAL_MINUTES = '11';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    minutes: { type: 'string' },
    speed: { type: 'string' },
    real: { type: 'boolean', default: false },
  },
});
if (values.real && values.speed !== undefined && values.speed !== '1') throw new Error('--real runs at speed 1; leave out --speed');
const speed = values.real ? 1 : Number(values.speed ?? '20');
const minutes = Number(values.minutes ?? (values.real ? REAL_MINUTES : '60'));
const wallSeconds = (minutes * 60) / speed;

execFileSync('node', ['--import', 'tsx', 'scripts/build-test.ts'], { stdio: 'ignore', cwd: new URL('../..', import.meta.url) });
console.log(
  values.real
    ? `soak: ${minutes} minutes in real time, seed ${values.seed}`
    : `soak: ${minutes} virtual minutes at ${speed}× (${Math.round(wallSeconds)} s of traffic), seed ${values.seed}`,
);
const report = await runSoak({ wallSeconds, speed, seed: Number(values.seed), log: (line) => console.log(line) });
console.log(JSON.stringify(report, null, 2));
const { heapMb, requests, list } = report;
console.log(`soak: ${report.wallMinutes} minutes of traffic (${report.virtualMinutes} on the org's clock)`);
console.log(
  `soak: heap after GC, before → after: worker ${heapMb.worker[0]} → ${heapMb.worker.at(-1)} MB, panel ${heapMb.panel[0]} → ${heapMb.panel.at(-1)} MB`,
);
console.log(
  `soak: the worker sent ${requests.total} requests (${requests.perMinute}/min): ${Object.entries(requests.byKind)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ')}`,
);
console.log(
  `soak: periodic full re-reads: ${requests.fullReads.join(', ') || 'none'}${requests.fullReadDue ? '' : ' (none due in this time)'}`,
);
console.log(
  `soak: at the end the platform has ${list.platformIds} ongoing; the worker holds ${list.feedIds}, the side panel lists ${list.panelRows} ` +
    `(missing on screen ${list.shownMissing.length}, extra ${list.shownExtra.length})`,
);
const problems = soakProblems(report);
for (const problem of problems) console.error(`soak: FAILED — ${problem}`);
if (problems.length === 0) console.log('soak: passed');
process.exitCode = problems.length === 0 ? 0 : 1;
