import { rowContext } from '../../lib/beyond/row-context';
import type { BeyondModel } from '../../lib/beyond/view-beyond';
import type { Conversation } from '../../lib/model/conversation';
import type { PanelController } from '../../lib/view-model/panel-controller';
import { RowContextView } from './RowContextView';
import { SharedLog } from './SharedLog';

/** Issue 11 in a row's details: its context (flags, last change, another supervisor's action) and its notes. */
export function RowBeyond({ row, controller, model }: { row: Conversation; controller: PanelController; model: BeyondModel }) {
  const state = model.state.value;
  const now = controller.now.value;
  const context = rowContext(row, {
    settings: controller.feed.settings.value,
    prefs: model.prefs.prefs.value,
    alerts: state.alerts,
    locks: state.locks,
    me: controller.feed.access.value?.userId ?? null,
    now,
  });
  return (
    <>
      <RowContextView context={context} />
      <SharedLog notes={state.notes} labelOf={() => row.customerName ?? row.subject} now={now} conversationId={row.id} />
    </>
  );
}
