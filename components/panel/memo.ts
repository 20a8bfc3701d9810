import type { Component, FunctionComponent } from 'preact';

/**
 * A component that re-renders only when a prop changes (shallowly), like preact/compat's memo. Importing compat for
 * it would install compat's global hooks, which rewrite every element's props and wrap every event in the panel.
 */
export function memo<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  // The render runs as this component's own (not as a child component): one instance per use, not two; a grid
  // row is mounted for every row scrolled into view.
  function Memo(this: Component<P>, props: P) {
    this.shouldComponentUpdate = changedProps;
    return render.call(this, props);
  }
  Memo.displayName = `Memo(${render.displayName ?? render.name})`;
  return Memo;
}

function changedProps(this: Component, next: object): boolean {
  const current = this.props as Record<string, unknown>;
  const nextProps = next as Record<string, unknown>;
  for (const key in current) if (!(key in nextProps)) return true;
  for (const key in nextProps) if (!Object.is(current[key], nextProps[key])) return true;
  return false;
}
