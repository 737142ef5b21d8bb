"use client";

import type { TConfigPath } from "./config-values";
import { FieldFrame } from "./field-frame";
import { FieldList } from "./field-list";
import type { TFieldModel } from "./field-model";

/** A nested object: its own settings in a group named by its title (advanced ones collapsed, field-list.tsx). */
export function ObjectField({ field, path, value }: { field: Extract<TFieldModel, { kind: "object" }>; path: TConfigPath; value: unknown }) {
  const claimed = field.fields.map((child) => [...path, child.key]);
  return (
    <FieldFrame field={field} path={path} claimed={claimed} isGroup>
      {() => <FieldList fields={field.fields} path={path} value={value} />}
    </FieldFrame>
  );
}
