import { appendFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Appends each test file's duration (setup, import and its tests) as one JSON line to the file named by
 * FLOORWALKER_DURATIONS_FILE, so that `.ci/run` can list them after the three vitest runs of `npm test`. Without
 * that variable it does nothing.
 */
export default class DurationsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const file = process.env.FLOORWALKER_DURATIONS_FILE;
    if (!file) return;
    const lines = testModules.map((module) => {
      const d = module.diagnostic();
      const ms = d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration;
      return JSON.stringify({ project: module.project.name, file: module.relativeModuleId, ms: Math.round(ms), state: module.state() });
    });
    if (lines.length > 0) appendFileSync(file, `${lines.join('\n')}\n`);
  }
}
