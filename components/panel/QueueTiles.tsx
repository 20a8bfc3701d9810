import type { ReadonlySignal } from '@preact/signals';
import { t } from '../../lib/i18n';
import type { EffectiveSettings, Threshold } from '../../lib/model/settings';
import type { QueueStats } from '../../lib/view-model/queue-stats';
import { thresholdFor, waitLevel } from '../../lib/view-model/thresholds';
import { MarkedWait } from './cells';

/** One tile per queue: waiting, longest wait (ticking, threshold-marked), active, agents free. */
export function QueueTiles({ stats, now, settings }: { stats: readonly QueueStats[]; now: ReadonlySignal<number>; settings: EffectiveSettings | null }) {
  if (stats.length === 0) return null;
  return (
    // Focusable so keyboard users can scroll the row of tiles (WCAG 2.1.1).
    <div class="fw-tiles-scroll" role="region" aria-label={t('panel_tiles_label')} tabIndex={0}>
      <ul class="fw-tiles">
        {stats.map((entry) => (
          <li class="fw-tile" key={entry.queue.id}>
            <h2 class="fw-tile-title">{entry.queue.name}</h2>
            <dl>
              <div>
                <dt>{t('panel_tile_waiting')}</dt>
                <dd>{entry.waiting}</dd>
              </div>
              <div>
                <dt>{t('panel_tile_longest')}</dt>
                <dd>
                  <LongestWait since={entry.longestWaitSince} now={now} threshold={thresholdFor(settings, entry.queue.id)} />
                </dd>
              </div>
              <div>
                <dt>{t('panel_tile_active')}</dt>
                <dd>{entry.active}</dd>
              </div>
              <div>
                <dt>{t('panel_tile_free')}</dt>
                <dd>{entry.agentsFree}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}

function LongestWait({ since, now, threshold }: { since: number | null; now: ReadonlySignal<number>; threshold: Threshold | null }) {
  if (since === null) return <span>–</span>;
  const seconds = Math.max(0, (now.value - since) / 1000);
  return <MarkedWait seconds={seconds} level={waitLevel(seconds, threshold)} />;
}
