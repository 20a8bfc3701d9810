import { t } from '../../lib/i18n';
import { SHORTCUT_SHEET } from '../../lib/view-model/shortcuts';
import { Modal } from './Modal';

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <Modal title={t('panel_shortcuts_title')} onClose={onClose}>
      <table class="fw-table fw-shortcuts">
        <thead>
          <tr>
            <th scope="col">{t('panel_shortcuts_keys')}</th>
            <th scope="col">{t('panel_shortcuts_does')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUT_SHEET.map((entry) => (
            <tr key={entry.labelKey}>
              <td>
                {entry.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && ` ${t('panel_shortcuts_or')} `}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(entry.labelKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
