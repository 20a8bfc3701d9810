import { t } from '../../lib/i18n';

export interface NoteProps {
  /** The control's id; the notes get `${id}-hint`, `${id}-managed`, `${id}-error`. */
  id: string;
  hint?: string;
  managed?: boolean;
  error?: string | null;
  /** Locked by a "Managed by your organization" note shown elsewhere (one note for a group of fields). */
  managedNoteId?: string;
}

/** The ids for aria-describedby, so a screen reader reads the hint, the lock and the error with the control. */
export function describedBy({ id, hint, managed, error, managedNoteId }: NoteProps): string | undefined {
  const ids = [hint && `${id}-hint`, managed && `${id}-managed`, managedNoteId, error && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Hint, "Managed by your organization" and error, as visible text beside the control they describe. */
export function FieldNotes({ id, hint, managed, error }: NoteProps) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {managed && (
        <p id={`${id}-managed`} class="managed">
          {t('options_managed')}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="error">
          {error}
        </p>
      )}
    </>
  );
}
