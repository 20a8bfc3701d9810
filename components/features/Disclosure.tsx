import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** A <details> whose content exists only while open: closed sections cost nothing and add nothing to the page. */
export function Disclosure({
  summary,
  initiallyOpen = false,
  children,
}: {
  summary: string;
  initiallyOpen?: boolean;
  children: () => ComponentChildren;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}
