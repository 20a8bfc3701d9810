import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { NARROW_BELOW } from './columns';

/**
 * Whether the element is narrower than the two-line layout's limit, followed as it resizes (the side panel is
 * dragged, the overlay resized). Measured on the panel itself rather than the window: the overlay is part of one.
 */
export function useNarrow(ref: RefObject<HTMLElement | null>): boolean {
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && window.innerWidth < NARROW_BELOW);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setNarrow(element.clientWidth > 0 && element.clientWidth < NARROW_BELOW);
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    return () => observer?.disconnect();
  }, [ref]);
  return narrow;
}
