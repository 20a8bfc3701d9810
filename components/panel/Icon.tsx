import type { ButtonHTMLAttributes } from 'preact';

/** The few Fluent-style icons the panel draws, as inline SVG in currentColor (no icon font, no image requests). */
const PATHS = {
  pause: 'M5 3h3v14H5zM12 3h3v14h-3z',
  play: 'M6 3.5v13l11-6.5z',
  refresh: 'M10 3a7 7 0 1 0 7 7h-2a5 5 0 1 1-1.46-3.54L11 9h6V3l-2.05 2.05A7 7 0 0 0 10 3z',
  command: 'M3 4h14v2H3zm0 5h14v2H3zm0 5h9v2H3z',
  more: 'M4 10a1.5 1.5 0 1 0 3 0 1.5 1.5 0 1 0-3 0m4.5 0a1.5 1.5 0 1 0 3 0 1.5 1.5 0 1 0-3 0m4.5 0a1.5 1.5 0 1 0 3 0 1.5 1.5 0 1 0-3 0',
  chevron: 'M7 4l6 6-6 6-1.4-1.4L10.2 10 5.6 5.4z',
  clock: 'M10 2a8 8 0 1 0 0 16 8 8 0 1 0 0-16zm0 1.6a6.4 6.4 0 1 1 0 12.8 6.4 6.4 0 1 1 0-12.8zM9.2 5.5v5l3.9 2.3.8-1.3-3.1-1.9V5.5z',
  lock: 'M10 2a4 4 0 0 0-4 4v2H4.5v10h11V8H14V6a4 4 0 0 0-4-4zm0 1.6A2.4 2.4 0 0 1 12.4 6v2H7.6V6A2.4 2.4 0 0 1 10 3.6z',
} as const;

export type IconName = keyof typeof PATHS;

/**
 * `inline`: sized to the text it stands in (1em), for marks inside a line. The marks were characters once (⏱, 🔒):
 * a colour emoji on Windows and macOS, and a missing-glyph box where no font has them (Linux without an emoji font),
 * where every line laid out with one also paid for a failed font fallback.
 */
export function Icon({ name, inline = false }: { name: IconName; inline?: boolean }) {
  return (
    <svg
      class={inline ? 'fw-svg-icon fw-inline-icon' : 'fw-svg-icon'}
      width="16"
      height="16"
      viewBox="0 0 20 20"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} fill="currentColor" fill-rule="evenodd" />
    </svg>
  );
}

/** A square button with an icon: its name is real text (hidden), so it reads and matches like any button; the tooltip says it too. */
export function IconButton({
  icon,
  label,
  ...rest
}: { icon: IconName; label: string } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'icon' | 'label'>) {
  return (
    <button type="button" class="fw-button fw-icon-button" title={label} {...rest}>
      <Icon name={icon} />
      <span class="fw-visually-hidden">{label}</span>
    </button>
  );
}
