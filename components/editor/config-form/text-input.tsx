"use client";

import type { TControlProps } from "./field-control";

/** Text, committed on blur so one typed word is not one undo step; an emptied field removes the setting. */
export function TextInput({ field, control, value, isReadOnly, onCommit }: TControlProps<"text">) {
  const text = typeof value === "string" ? value : "";
  const common = {
    id: control.id,
    "aria-describedby": control.describedBy,
    "aria-invalid": control.isInvalid || undefined,
    "aria-required": field.isRequired || undefined,
    disabled: isReadOnly,
    defaultValue: text,
    placeholder: field.placeholder,
    onBlur: (event: React.FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => event.target.value !== text && onCommit(event.target.value),
  };
  return field.isMultiline ? <textarea {...common} rows={4} /> : <input {...common} />;
}
