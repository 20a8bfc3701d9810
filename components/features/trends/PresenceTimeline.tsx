import { useComputed, type ReadonlySignal } from '@preact/signals';
import { locale } from '../../../lib/i18n';
import { presenceSpans, TREND_WINDOW_MS, type PresenceChange } from '../../../lib/features/trends/trends';
import { presenceTrendWords } from '../../../lib/features/trends/words';

const WIDTH = 120;
const HEIGHT = 8;

/** The bar moves on in steps of this much: a long agents list must not redraw every second. */
const STEP_MS = 30_000;

/** An agent's presence over the last hour as a thin bar of coloured spans (colour by presence), with the hour in words. */
export function PresenceTimeline({ entries, clock }: { entries: readonly PresenceChange[]; clock: ReadonlySignal<number> }) {
  const step = useComputed(() => Math.floor(clock.value / STEP_MS));
  const now = Math.max(step.value * STEP_MS, entries.at(-1)?.at ?? 0);
  const spans = presenceSpans(entries, now);
  const words = presenceTrendWords(spans, locale.value);
  const x = (at: number) => ((at - (now - TREND_WINDOW_MS)) / TREND_WINDOW_MS) * WIDTH;
  return (
    <svg class="fw-timeline" role="img" aria-label={words} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`}>
      <title>{words}</title>
      <rect class="fw-timeline-track" x="0" y="0" width={WIDTH} height={HEIGHT} rx="2" />
      {spans.map((span) => (
        <rect
          key={span.from}
          class={`fw-timeline-${span.presence}`}
          x={x(span.from)}
          y="0"
          width={Math.max(1, x(span.to) - x(span.from))}
          height={HEIGHT}
        />
      ))}
    </svg>
  );
}
