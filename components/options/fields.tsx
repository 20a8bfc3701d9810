import type { TargetedEvent } from 'preact';
import { FieldNotes, describedBy, type NoteProps } from './FieldNotes';

interface FieldProps<T> extends NoteProps {
  label: string;
  value: T;
  onChange: (value: T) => void;
}

export function CheckboxField({ label, value, onChange, ...notes }: FieldProps<boolean>) {
  return (
    <div class="field checkbox">
      <input
        type="checkbox"
        id={notes.id}
        checked={value}
        disabled={notes.managed}
        aria-describedby={describedBy(notes)}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label for={notes.id}>{label}</label>
      <FieldNotes {...notes} />
    </div>
  );
}

interface TextFieldProps extends FieldProps<string> {
  multiline?: boolean;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
}

/** Numbers are typed as text too: the form shows what was typed and says what is wrong with it, on save. */
export function TextField({ label, value, onChange, multiline, inputMode, maxLength, ...notes }: TextFieldProps) {
  const locked = Boolean(notes.managed || notes.managedNoteId);
  const common = {
    id: notes.id,
    value,
    readOnly: locked,
    'aria-invalid': notes.error ? true : undefined,
    'aria-describedby': describedBy(notes),
    maxLength,
    onInput: (event: TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(event.currentTarget.value),
  };
  return (
    <div class="field">
      <label for={notes.id}>{label}</label>
      {multiline ? <textarea rows={4} {...common} /> : <input type="text" inputMode={inputMode} {...common} />}
      <FieldNotes {...notes} />
    </div>
  );
}

interface SelectFieldProps<T extends string> extends FieldProps<T> {
  options: ReadonlyArray<{ value: T; label: string }>;
}

export function SelectField<T extends string>({ label, value, onChange, options, ...notes }: SelectFieldProps<T>) {
  return (
    <div class="field">
      <label for={notes.id}>{label}</label>
      <select
        id={notes.id}
        value={value}
        disabled={notes.managed}
        aria-describedby={describedBy(notes)}
        onChange={(event) => onChange(event.currentTarget.value as T)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldNotes {...notes} />
    </div>
  );
}
