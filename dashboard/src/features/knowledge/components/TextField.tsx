import { useId } from 'react';

/** A labelled input or textarea (the editor's fields). */
export function TextField({
  label,
  value,
  onChange,
  multiline,
  disabled,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  multiline?: boolean;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="sl-field">
      <label htmlFor={id} className="sl-label">
        {label}
      </label>
      {multiline ? (
        <textarea
          id={id}
          className="sl-input sl-kb-textarea"
          rows={5}
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          id={id}
          className="sl-input"
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}
