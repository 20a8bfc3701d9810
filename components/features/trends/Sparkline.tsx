import { TREND_WINDOW_MS, type QueuePoint } from '../../../lib/features/trends/trends';

const WIDTH = 72;
const HEIGHT = 22;

/** x for a moment within the hour, y for a value against the series' own maximum (at least 1). */
function path(points: readonly { at: number; value: number }[], now: number): string {
  const max = Math.max(1, ...points.map((point) => point.value));
  return points
    .map((point) => {
      const x = ((point.at - (now - TREND_WINDOW_MS)) / TREND_WINDOW_MS) * WIDTH;
      const y = HEIGHT - 1 - (point.value / max) * (HEIGHT - 2);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

/**
 * The queue's last hour as two lines in inline SVG: waiting count (solid) and longest wait (dashed), each on its own
 * scale. The picture is for the eye; `words` says the same for screen readers (and as the tooltip).
 */
export function Sparkline({ points, now, words }: { points: readonly QueuePoint[]; now: number; words: string }) {
  return (
    <svg
      class="fw-sparkline"
      role="img"
      aria-label={words}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      data-samples={points.length}
    >
      <title>{words}</title>
      <line class="fw-spark-base" x1="0" x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} />
      {points.length > 0 && (
        <>
          <polyline
            class="fw-spark-wait"
            points={path(
              points.map((p) => ({ at: p.at, value: p.longestWait })),
              now,
            )}
          />
          <polyline
            class="fw-spark-waiting"
            points={path(
              points.map((p) => ({ at: p.at, value: p.waiting })),
              now,
            )}
          />
        </>
      )}
    </svg>
  );
}
