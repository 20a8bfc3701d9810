import type { ViewKind } from '../lib/protocol/view-port';

export function Panel({ view }: { view: ViewKind }) {
  return (
    <section aria-label="Floorwalker" data-view={view}>
      <h1>Floorwalker</h1>
    </section>
  );
}
