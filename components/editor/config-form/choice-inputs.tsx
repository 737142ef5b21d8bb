"use client";

import type { TControlProps } from "./field-control";

/** An enum as a choice; "—" leaves the setting out (the node's default applies), unless it is required and set. */
export function SelectInput({ field, control, value, isReadOnly, onCommit }: TControlProps<"select">) {
  const index = field.options.findIndex((option) => JSON.stringify(option.value) === JSON.stringify(value));
  return (
    <select
      id={control.id}
      aria-describedby={control.describedBy}
      aria-invalid={control.isInvalid || undefined}
      aria-required={field.isRequired || undefined}
      disabled={isReadOnly}
      value={index < 0 ? "" : String(index)}
      onChange={(event) => onCommit(event.target.value === "" ? undefined : field.options[Number(event.target.value)]!.value)}
    >
      <option value="">{field.defaultText ? `— default (${field.defaultText}) —` : "—"}</option>
      {field.options.map((option, optionIndex) => <option key={optionIndex} value={String(optionIndex)}>{option.label}</option>)}
    </select>
  );
}

export function BooleanInput({ field, control, value, isReadOnly, onCommit }: TControlProps<"boolean">) {
  const isChecked = typeof value === "boolean" ? value : field.defaultText === "true";
  return <input id={control.id} type="checkbox" aria-describedby={control.describedBy} disabled={isReadOnly} checked={isChecked} onChange={(event) => onCommit(event.target.checked)} />;
}
