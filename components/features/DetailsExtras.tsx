import { rowContext } from '../../lib/features/row-context/row-context';
import type { Conversation } from '../../lib/model/conversation';
import type { PanelController } from '../../lib/view-model/panel-controller';
import { RowContextView } from './row-context/RowContextView';
import { SharedLog } from './shared-log/SharedLog';
import { conversationLabel } from '../../lib/view-model/conversation-label';

/** What the features add to a conversation's details: its context (flags, last change, another supervisor's action) and its notes. */
export function DetailsExtras({ row, controller }: { row: Conversation; controller: PanelController }) {
  const { features } = controller;
  const now = controller.now.value;
  const context = rowContext(row, {
    settings: controller.picture.settings.value,
    stuckMinutes: features.prefs.value.value.stuckMinutes,
    alerts: features.alerts.value,
    locks: features.locks.value,
    me: controller.picture.access.value?.userId ?? null,
    now,
  });
  return (
    <>
      <RowContextView context={context} />
      <SharedLog notes={features.notes.value} labelOf={() => conversationLabel(row).title} now={now} conversationId={row.id} />
    </>
  );
}
