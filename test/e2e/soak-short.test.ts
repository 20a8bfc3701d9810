import { describe, expect, it } from 'vitest';
import { runSoak } from '../soak/soak';
import { soakProblems } from '../soak/verdict';

/**
 * The soak's short form, inside `npm test`: 15 virtual minutes of traffic (30 s at 30×) with random faults and
 * actions; the long form is `npm run soak` (an hour). Same checks, same code.
 */
describe('soak (short): traffic, faults and actions, then the panel equals the platform', () => {
  it('ends with the platform’s ongoing set, one outcome per action, and a bounded heap', async () => {
    const report = await runSoak({ wallSeconds: 30, speed: 30, seed: 3, log: (line) => console.log(line) });
    console.log(
      `soak (short): ${report.virtualMinutes} virtual minutes; faults ${report.faults.join(', ')}; actions ${JSON.stringify(report.actions.outcomes)}; ` +
        `rows panel ${report.list.panelRows} / platform ${report.list.platformIds}; heap MB worker ${report.heapMb.worker.join(' ')} panel ${report.heapMb.panel.join(' ')}`,
    );
    expect(report.actions.issued).toBeGreaterThan(0);
    expect(report.faults.length).toBeGreaterThan(0);
    expect(soakProblems(report)).toEqual([]);
  }, 150_000);
});
