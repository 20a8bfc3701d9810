import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { locale, t } from '../../lib/i18n';
import { Modal } from './Modal';
import { matchCommands, type PaletteCommand } from './palette-commands';

/**
 * Ctrl+K: type to narrow, arrows to choose, Enter to run. A combobox with a listbox (APG pattern); commands that
 * cannot run now stay listed, disabled, with the reason next to them.
 */
export function CommandPalette({ commands, onClose }: { commands: readonly PaletteCommand[]; onClose: () => void }) {
  const query = useSignal('');
  const active = useSignal(0);
  const shown = useMemo(() => matchCommands(commands, query.value, locale.value), [commands, query.value]);
  const current = shown[Math.min(active.value, shown.length - 1)];

  const run = (command: PaletteCommand | undefined) => {
    if (!command || command.disabledReason) return;
    onClose();
    command.run();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active.value = (Math.min(active.value, shown.length - 1) + step + shown.length) % Math.max(shown.length, 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(current);
    }
  };

  return (
    <Modal title={t('panel_palette_title')} onClose={onClose} class="fw-palette">
      <input
        type="text"
        role="combobox"
        class="fw-search"
        aria-label={t('panel_palette_input')}
        aria-expanded="true"
        aria-controls="fw-palette-list"
        aria-autocomplete="list"
        aria-activedescendant={current ? `fw-cmd-${shown.indexOf(current)}` : undefined}
        value={query.value}
        autoFocus
        onInput={(event) => {
          query.value = event.currentTarget.value;
          active.value = 0;
        }}
        onKeyDown={onKeyDown}
      />
      <ul role="listbox" id="fw-palette-list" class="fw-palette-list" aria-label={t('panel_palette_title')}>
        {shown.map((command, index) => (
          <li
            key={command.id}
            id={`fw-cmd-${index}`}
            role="option"
            aria-selected={command === current}
            aria-disabled={command.disabledReason ? true : undefined}
            class={`fw-option${command === current ? ' fw-active' : ''}`}
            onClick={() => run(command)}
          >
            <span>{command.label}</span>
            {command.disabledReason && <span class="fw-option-reason">{command.disabledReason}</span>}
          </li>
        ))}
        {shown.length === 0 && (
          <li role="option" aria-disabled="true" aria-selected="false" class="fw-option">
            {t('panel_palette_nothing')}
          </li>
        )}
      </ul>
    </Modal>
  );
}
