import type { ReadonlySignal } from '@preact/signals';
import type { ViewKind } from '../protocol/view-port';
import { createPanelController, type PanelController } from './panel-controller';
import { parseWorkerMessage } from './parse-worker-message';
import { createPortFeedSource, type PortFeedSourceOptions } from './port-feed-source';
import type { FeedSource } from './feed-source';

export interface ConnectPanelOptions {
  view: ViewKind;
  /** The overlay frame's one-time token; extension pages need none. */
  token?: string;
  visible: () => boolean;
  /** Whether the page is on screen: off screen, its clock stands still (the worker holds its changes, view-hub.ts). */
  shown?: ReadonlySignal<boolean>;
  stop: AbortSignal;
  /** browser.runtime.connect. */
  connect: PortFeedSourceOptions['connect'];
  /** The worker's large messages to this page (worker-page-messages.ts); absent, all come by the port. */
  bulk?: PortFeedSourceOptions['bulk'];
  /** Opens the options page at "Check this organization". */
  openDiagnostics?: () => void;
}

/**
 * A panel on the worker's view port, wired the same way in the side panel and the overlay page: every worker
 * message checked against the full protocol schema, a message that fails shown as the panel's problem.
 */
export function connectPanel(options: ConnectPanelOptions): { source: FeedSource; controller: PanelController } {
  const source = createPortFeedSource({
    view: options.view,
    token: options.token,
    connect: options.connect,
    bulk: options.bulk,
    parse: parseWorkerMessage,
    visible: options.visible,
    signal: options.stop,
    onInvalid: (reason) => controller.picture.invalid(reason),
  });
  const controller = createPanelController({
    source,
    stop: options.stop,
    openDiagnostics: options.openDiagnostics,
    shown: options.shown,
  });
  return { source, controller };
}
