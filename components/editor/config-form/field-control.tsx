"use client";

import { SecretPicker } from "../secret-picker";
import { BooleanInput, SelectInput } from "./choice-inputs";
import type { TConfigPath } from "./config-values";
import type { TFieldModel } from "./field-model";
import { useFormContext } from "./form-context";
import { JsonEditor } from "./json-editor";
import { NumberInput } from "./number-input";
import { ScriptInput } from "./script-input";
import { TextInput } from "./text-input";

export type TLeafKind = "text" | "number" | "boolean" | "select" | "secret" | "code";
export type TControlProps<K extends TLeafKind = TLeafKind> = {
  field: Extract<TFieldModel, { kind: K }>;
  control: { id: string; describedBy?: string; isInvalid: boolean };
  path: TConfigPath;
  value: unknown;
  isReadOnly: boolean;
  onCommit: (value: unknown) => void;
};

export function isLeafField(field: TFieldModel): field is Extract<TFieldModel, { kind: TLeafKind }> {
  return field.kind !== "object" && field.kind !== "list" && field.kind !== "choice";
}

/** The input of one leaf field, by kind. Inputs that keep their own text remount when the value changes elsewhere. */
export function FieldControl(props: TControlProps) {
  const { field, control, path, value, isReadOnly, onCommit } = props;
  const context = useFormContext();
  const key = JSON.stringify(value) ?? "";
  switch (field.kind) {
    case "text":
      return <TextInput key={key} {...props} field={field} />;
    case "number":
      return <NumberInput key={key} {...props} field={field} />;
    case "boolean":
      return <BooleanInput {...props} field={field} />;
    case "select":
      return <SelectInput {...props} field={field} />;
    case "secret":
      return <SecretPicker id={control.id} aria-describedby={control.describedBy} workspaceId={context.workspaceId} value={value} isReadOnly={isReadOnly} onCommit={onCommit} />;
    case "code":
      if (field.language === "javascript") return <ScriptInput key={key} {...props} field={field} />;
      return (
        <JsonEditor
          labelledBy={`${control.id}-label`}
          describedBy={control.describedBy}
          value={value}
          draft={context.getDraft(path)}
          isReadOnly={isReadOnly}
          onValid={(parsed) => {
            context.setDraft(path, undefined);
            onCommit(parsed);
          }}
          onInvalid={(text, error) => context.setDraft(path, { text, error })}
        />
      );
  }
}
