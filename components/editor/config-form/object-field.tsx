"use client";

import { getAtPath, type TConfigPath } from "./config-values";
import { ConfigField } from "./config-field";
import { FieldFrame } from "./field-frame";
import type { TFieldModel } from "./field-model";

/** A nested object: its own settings in a group named by its title. */
export function ObjectField({ field, path, value }: { field: Extract<TFieldModel, { kind: "object" }>; path: TConfigPath; value: unknown }) {
  const claimed = field.fields.map((child) => [...path, child.key]);
  return (
    <FieldFrame field={field} path={path} claimed={claimed} isGroup>
      {() => field.fields.map((child) => <ConfigField key={child.key} field={child} path={[...path, child.key]} value={getAtPath(value, [child.key])} />)}
    </FieldFrame>
  );
}
