/**
 * `npm run soak`: an hour of simulated traffic (the emulator's clock at 20× speed, three minutes of wall time) with
 * random faults and actions from a seed, then the checks. Prints the figures; exits 1 if a check fails.
 *   npm run soak -- --seed 7 --minutes 60 --speed 20
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { runSoak } from './soak';
import { soakProblems } from './verdict';

const { values } = parseArgs({
  options: { seed: { type: 'string', default: '1' }, minutes: { type: 'string', default: '60' }, speed: { type: 'string', default: '20' } },
});
const speed = Number(values.speed);
const wallSeconds = (Number(values.minutes) * 60) / speed;

execFileSync('node', ['--import', 'tsx', 'scripts/build-test.ts'], { stdio: 'ignore', cwd: new URL('../..', import.meta.url) });
console.log(`soak: ${values.minutes} virtual minutes at ${speed}× (${Math.round(wallSeconds)} s of traffic), seed ${values.seed}`);
const report = await runSoak({ wallSeconds, speed, seed: Number(values.seed), log: (line) => console.log(line) });
console.log(JSON.stringify(report, null, 2));
const problems = soakProblems(report);
for (const problem of problems) console.error(`soak: FAILED — ${problem}`);
if (problems.length === 0) console.log('soak: passed');
process.exitCode = problems.length === 0 ? 0 : 1;
