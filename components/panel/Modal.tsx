import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';

interface Props {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  class?: string;
}

/**
 * A native modal <dialog>: the browser traps focus, Esc closes it, and it sits in the top layer over the page
 * (also from inside the overlay's shadow root). Rendered only while open.
 */
export function Modal({ title, onClose, children, class: className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
  }, []);
  const titleId = `fw-dialog-${title.replace(/\W+/g, '-')}`;
  return (
    <dialog
      ref={ref}
      class={`fw-dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div class="fw-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" class="fw-button fw-icon-button" onClick={onClose} aria-label={t('panel_close')}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <div class="fw-dialog-body">{children}</div>
    </dialog>
  );
}
