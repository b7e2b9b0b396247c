import { type ReactNode, useId } from 'react';

export interface SelectFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  children: ReactNode;
  hideLabel?: boolean;
  /** Label beside the select instead of above it. */
  inline?: boolean;
  disabled?: boolean;
  id?: string;
}

/** A labelled native select: keyboard- and screen-reader-friendly by default. */
export function SelectField({
  label,
  value,
  onChange,
  children,
  hideLabel,
  inline,
  disabled,
  id,
}: SelectFieldProps) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <div className={inline ? 'sl-field sl-field--inline' : 'sl-field'}>
      <label htmlFor={selectId} className={hideLabel ? 'sl-visually-hidden' : 'sl-label'}>
        {label}
      </label>
      <select
        id={selectId}
        className="sl-select"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
    </div>
  );
}
