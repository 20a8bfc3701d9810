import { t } from '../../lib/i18n';
import type { PanelController } from '../../lib/view-model/panel-controller';
import { ActionLog } from '../actions/ActionLog';
import { ConversationActions } from '../actions/ConversationActions';
import { DetailsExtras } from '../features/DetailsExtras';
import { ErrorBoundary } from './ErrorBoundary';
import { Modal } from './Modal';
import { RowDetails } from './RowDetails';
import { conversationLabel } from '../../lib/view-model/conversation-label';

/** Enter on a row: its facts, its actions and their log. Says so if the conversation ended meanwhile. */
export function DetailsDialog({ controller, id, onClose }: { controller: PanelController; id: string; onClose: () => void }) {
  const { picture } = controller;
  const row = picture.conversations.row(id)?.value;
  const access = picture.access.value;
  const records = picture.actions.value;
  return (
    <Modal title={row ? conversationLabel(row).title : t('panel_detail_gone')} onClose={onClose}>
      <ErrorBoundary fallback={() => <p>{t('panel_row_broken')}</p>}>
        {row ? (
          <RowDetails
            row={row}
            now={controller.now}
            settings={picture.settings.value}
            actions={
              access && (
                <>
                  <DetailsExtras row={row} controller={controller} />
                  <ConversationActions
                    conversation={row}
                    access={access}
                    agents={picture.agents.all.value}
                    queues={picture.queues.value}
                    settings={picture.settings.value}
                    records={records}
                    contract={picture.contract.value}
                    send={controller.sendIntent}
                    routes={picture.routes.value}
                    onOpenWorkspace={picture.workspace.value.canOpen ? controller.openWorkspace : undefined}
                  />
                  <ActionLog
                    records={records.filter((record) => record.intent.conversationId === id)}
                    agents={picture.agents.all.value}
                    queues={picture.queues.value}
                  />
                </>
              )
            }
          />
        ) : (
          <p>{t('panel_detail_goneText')}</p>
        )}
      </ErrorBoundary>
    </Modal>
  );
}
