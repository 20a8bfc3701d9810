import type { ReadonlySignal } from '@preact/signals';
import { formatDuration } from '../../lib/format/duration';
import { t } from '../../lib/i18n';
import type { EffectiveSettings } from '../../lib/model/settings';
import type { Trends } from '../../lib/features/trends/trends';
import { queueTrendWords } from '../../lib/features/trends/words';
import type { QueueStats } from '../../lib/view-model/queue-stats';
import { thresholdFor, waitLevel } from '../../lib/view-model/thresholds';
import { Sparkline } from '../features/trends/Sparkline';
import { MarkedWait } from './cells';
import { Icon } from './Icon';

interface Props {
  /** Read here, not by the panel: the stats follow every live patch. */
  stats: ReadonlySignal<readonly QueueStats[]>;
  now: ReadonlySignal<number>;
  settings: EffectiveSettings | null;
  /** Each queue's last hour, as the worker sampled it. */
  trends: Trends['queues'];
  /** Unfolded (the supervisor's choice, kept by the panel). */
  open: boolean;
  onToggle: () => void;
}

/**
 * The queues as one compact strip: per queue its name, how many wait, the longest wait (ticking, threshold-marked)
 * and the last hour's sparkline. It scrolls sideways rather than pushing the list down, and folds to one line.
 */
export function QueueTiles({ stats: statsSignal, now, settings, trends, open, onToggle }: Props) {
  const stats = statsSignal.value;
  if (stats.length === 0) return null;
  const waiting = stats.reduce((sum, entry) => sum + entry.waiting, 0);
  return (
    <div class={`fw-strip${open ? '' : ' fw-strip-closed'}`}>
      <button
        type="button"
        class="fw-strip-toggle"
        aria-expanded={open}
        aria-controls="fw-queue-strip"
        title={open ? t('panel_tiles_hide') : t('panel_tiles_show')}
        onClick={onToggle}
      >
        <Icon name="chevron" />
        <span class="fw-strip-label">{t('panel_tiles_toggle', stats.length)}</span>
        {!open && <span class="fw-muted"> · {t('panel_tile_waitingShort', waiting)}</span>}
      </button>
      {open && (
        // Focusable so keyboard users can scroll the strip (WCAG 2.1.1).
        <div id="fw-queue-strip" class="fw-tiles-scroll" role="region" aria-label={t('panel_tiles_label')} tabIndex={0}>
          <ul class="fw-tiles">
            {stats.map((entry) => (
              <QueueTile key={entry.queue.id} entry={entry} now={now.value} settings={settings} points={trends[entry.queue.id] ?? []} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function QueueTile({
  entry,
  now,
  settings,
  points,
}: {
  entry: QueueStats;
  now: number;
  settings: EffectiveSettings | null;
  points: Trends['queues'][string];
}) {
  const longest = entry.longestWaitSince === null ? null : Math.max(0, (now - entry.longestWaitSince) / 1000);
  const words = queueTrendWords(entry.queue.name, points, entry.waiting, longest ?? 0);
  return (
    <li class="fw-tile" data-queue={entry.queue.name}>
      <h2 class="fw-tile-title" title={entry.queue.name}>
        {entry.queue.name}
      </h2>
      <p class="fw-tile-figures">
        <span aria-hidden="true">
          <span class="fw-strong">{t('panel_tile_waitingShort', entry.waiting)}</span>
          {longest !== null && (
            <>
              {' · '}
              <MarkedWait seconds={longest} level={waitLevel(longest, thresholdFor(settings, entry.queue.id))} />
            </>
          )}
        </span>
        <span class="fw-visually-hidden">
          {t(
            'panel_tile_summary',
            entry.queue.name,
            entry.waiting,
            longest === null ? '–' : formatDuration(longest),
            entry.agentsFree,
            entry.active,
          )}
        </span>
      </p>
      <Sparkline points={points} now={now} words={words} />
    </li>
  );
}
