import { act, cleanup, render } from '@testing-library/preact';
import { Panel } from '../../../components/Panel';
import type { FeedState } from '../../../lib/model/feed-state';
import { createPanelController } from '../../../lib/view-model/panel-controller';
import { FakeFeedSource, makeState } from '../view-model/fixtures';

/** The panel as a user meets it: a controller over a fake feed, rendered, with one snapshot delivered. */
export function renderPanel(state: Partial<FeedState> | null = {}) {
  const source = new FakeFeedSource();
  const stop = new AbortController();
  const controller = createPanelController({ source, stop: stop.signal });
  const view = render(<Panel controller={controller} view="sidepanel" />);
  if (state) act(() => source.push({ type: 'snapshot', state: makeState(state) }));
  return {
    ...view,
    source,
    controller,
    close() {
      stop.abort();
      cleanup();
    },
  };
}
