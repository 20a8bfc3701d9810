import { Component, type ComponentChildren } from 'preact';

interface Props {
  /** What to show instead of the children when they throw (bad data must never take the whole panel down). */
  fallback: (error: Error) => ComponentChildren;
  children: ComponentChildren;
}

/** Catches a render error in one row or one view and shows the fallback there; the rest keeps working. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static override getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown) {
    console.warn('Floorwalker: a part of the panel could not be shown', error);
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
