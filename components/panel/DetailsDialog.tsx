import { t } from '../../lib/i18n';
import type { PanelController } from '../../lib/view-model/panel-controller';
import { ActionLog } from '../actions/ActionLog';
import { ConversationActions } from '../actions/ConversationActions';
import { DetailsExtras } from '../features/DetailsExtras';
import { ErrorBoundary } from './ErrorBoundary';
import { Modal } from './Modal';
import { RowDetails } from './RowDetails';

/** Enter on a row: its facts, its actions and their log. Says so if the conversation ended meanwhile. */
export function DetailsDialog({ controller, id, onClose }: { controller: PanelController; id: string; onClose: () => void }) {
  const { feed } = controller;
  const row = feed.conversations.row(id)?.value;
  const access = feed.access.value;
  const records = feed.actions.value;
  return (
    <Modal title={row ? (row.customerName ?? row.subject) : t('panel_detail_gone')} onClose={onClose}>
      <ErrorBoundary fallback={() => <p>{t('panel_row_broken')}</p>}>
        {row ? (
          <RowDetails
            row={row}
            now={controller.now}
            settings={feed.settings.value}
            actions={
              access && (
                <>
                  <DetailsExtras row={row} controller={controller} />
                  <ConversationActions
                    conversation={row}
                    access={access}
                    agents={feed.agents.all.value}
                    queues={feed.queues.value}
                    settings={feed.settings.value}
                    records={records}
                    send={controller.sendIntent}
                  />
                  <ActionLog records={records.filter((record) => record.intent.conversationId === id)} agents={feed.agents.all.value} queues={feed.queues.value} />
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
