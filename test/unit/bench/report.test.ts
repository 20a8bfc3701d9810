import { describe, expect, it } from 'vitest';
import type { BenchResults } from '../../bench/results';
import type { PlatformFigures } from '../../bench/platform-run';
import type { BrowserFigures } from '../../bench/browser-scale';
import { evaluateTargets } from '../../bench/targets';
import { renderMarkdown } from '../../bench/markdown';
import { attempt } from '../../bench/results';

const dist = (p50: number, p95: number) => ({ p50, p95, max: p95, samples: 20 });

function platform(over: { requestsPerMin: number; bytesPerMin: number; baselineBytesPerMin: number; p95: number }): PlatformFigures {
  return {
    label: 'x', ongoing: 10_001, agents: 2_004, pollIntervalMs: 3_000,
    firstLoad: { requests: 270, bytes: 45e6, ms: 5_000 },
    accessCheck: { requests: 4, bytes: 2_000 },
    reconcile: { requests: 266, bytes: 45e6, everyMs: 120_000 },
    window: { ms: 30_000, polls: 9, requests: 27, bytes: 5e6 },
    breakdown: { firstLoad: {}, window: {} },
    ours: { requestsPerMin: over.requestsPerMin, bytesPerMin: over.bytesPerMin, budgetPercent: (over.requestsPerMin * 5) / 60, freshness: dist(1_500, over.p95) },
    baseline: { requestsPerMin: 400, bytesPerMin: over.baselineBytesPerMin, budgetPercent: 33, freshness: dist(2_000, 5_000), source: 'measured', readMs: dist(900, 1_000), listRead: { requests: 20, bytes: 28e6 } },
  };
}

const browser: BrowserFigures = {
  chromium: 'Chrome/156', ongoing: 10_001,
  workerFirstLoad: { ms: 9_000, requests: 290, bytes: 70e6 },
  panelFullListMs: 1_200, longestTaskDuringLoadMs: 600,
  steady: { ms: 20_000, longestTaskMs: 180, longTasks: 3 },
  scroll: dist(16.7, 33), heapMb: { panel: 20, worker: 30 },
  freshnessOnScreen: { ...dist(1_700, 3_900), lost: 0 },
};

function results(): BenchResults {
  return {
    date: '2025-01-01T00:00:00.000Z',
    machine: { cores: 2, cpu: 'AMD EPYC', memoryGb: 23.5, os: 'Linux', node: 'v20.20.2', chromium: 'Chrome/156', loadAverageAtStart: 1 },
    durationSeconds: 300,
    quick: false,
    pollIntervalSeconds: 3,
    method: ['How it was measured.'],
    bundle: { ok: false, reason: 'build failed: boom' },
    browser: { ok: true, value: browser },
    typical: { ok: true, value: platform({ requestsPerMin: 30, bytesPerMin: 1e6, baselineBytesPerMin: 3e6, p95: 2_500 }) },
    busy: { ok: true, value: platform({ requestsPerMin: 75, bytesPerMin: 20e6, baselineBytesPerMin: 600e6, p95: 4_500 }) },
    growth: [{ ongoing: 50_000, figures: { ok: false, reason: 'The first full load took longer than 600 s' } }],
  };
}

describe('bench report', () => {
  it('checks each target against its limit, and says n/a with the reason when a section could not run', () => {
    const targets = new Map(evaluateTargets(results()).map((t) => [t.name, t]));
    expect(targets.get('Freshness, typical (feed model)')?.pass).toBe(true);
    expect(targets.get('Freshness, busy (feed model)')?.pass).toBe(false); // 4.5 s > 3 s + 1 s
    expect(targets.get('Freshness on screen, busy (Chromium)')?.pass).toBe(true);
    expect(targets.get('Requests/min with a view open, typical')?.pass).toBe(true);
    expect(targets.get('Requests/min with a view open, busy')?.pass).toBe(false);
    expect(targets.get('Bytes/min at busy vs baseline')).toMatchObject({ pass: true, measured: expect.stringMatching(/^3\.3 %/) });
    expect(targets.get('Longest main-thread task, steady updates')?.pass).toBe(false);
    expect(targets.get('Content script, gzip')).toMatchObject({ pass: null, measured: 'n/a (build failed: boom)' });
  });

  it('keeps a failed section’s reason to its first line', async () => {
    const outcome = await attempt(async () => {
      throw new Error('Command failed: npx wxt build\nerror TS1005 …\nmore log');
    });
    expect(outcome).toEqual({ ok: false, reason: 'Command failed: npx wxt build' });
  });

  it('renders the table with PASS/FAIL beside each target, the machine, and the growth rows', () => {
    const r = results();
    const markdown = renderMarkdown(r, evaluateTargets(r));
    expect(markdown).toMatch(/^Measured 2025-01-01T00:00:00.000Z on 2 cores \(AMD EPYC\)/);
    expect(markdown).toMatch(/\| Freshness, busy \(feed model\) \| p95 4\.5 s \| p95 ≤ 4\.0 s \| FAIL \|/);
    expect(markdown).toMatch(/\| Panel open → whole list, busy \| 1\.2 s \| ≤ 3\.0 s \| PASS \|/);
    expect(markdown).toContain('| 50,000 | n/a (The first full load took longer than 600 s) |');
    expect(markdown).toContain('- How it was measured.');
  });
});
