"use client";

import type { TControlProps } from "./field-control";

/** A number within the schema's bounds, committed on blur; empty means "use the default". */
export function NumberInput({ field, control, value, isReadOnly, onCommit }: TControlProps<"number">) {
  const current = typeof value === "number" ? value : undefined;
  return (
    <input
      id={control.id}
      type="number"
      aria-describedby={control.describedBy}
      aria-invalid={control.isInvalid || undefined}
      aria-required={field.isRequired || undefined}
      disabled={isReadOnly}
      defaultValue={current ?? ""}
      placeholder={field.placeholder}
      min={field.minimum}
      max={field.maximum}
      step={field.isInteger ? 1 : "any"}
      onBlur={(event) => {
        const next = event.target.value === "" ? undefined : Number(event.target.value);
        if (next !== current) onCommit(next);
      }}
    />
  );
}
