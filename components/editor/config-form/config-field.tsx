"use client";

import { ChoiceField } from "./choice-field";
import type { TConfigPath } from "./config-values";
import { FieldControl, isLeafField } from "./field-control";
import { FieldFrame } from "./field-frame";
import type { TFieldModel } from "./field-model";
import { useFormContext } from "./form-context";
import { ListField } from "./list-field";
import { ObjectField } from "./object-field";

/** One setting of the form at `path` inside the config: a group for objects, lists and choices, else a labelled input. */
export function ConfigField({ field, path, value }: { field: TFieldModel; path: TConfigPath; value: unknown }) {
  const context = useFormContext();
  if (field.kind === "object") return <ObjectField field={field} path={path} value={value} />;
  if (field.kind === "list") return <ListField field={field} path={path} value={value} />;
  if (field.kind === "choice") return <ChoiceField field={field} path={path} value={value} />;
  if (!isLeafField(field)) return null;
  return (
    <FieldFrame field={field} path={path}>
      {(control) => <FieldControl field={field} control={control} path={path} value={value} isReadOnly={context.isReadOnly} onCommit={(next) => context.commit(path, next)} />}
    </FieldFrame>
  );
}
