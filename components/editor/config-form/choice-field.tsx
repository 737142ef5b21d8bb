"use client";

import { pickVariant, type TConfigPath } from "./config-values";
import { ConfigField } from "./config-field";
import { FieldControl, isLeafField } from "./field-control";
import { FieldFrame } from "./field-frame";
import { emptyValueOf, type TFieldModel } from "./field-model";
import { useFormContext } from "./form-context";
import styles from "./config-form.module.css";

/**
 * `oneOf`/`anyOf`: first which form the value takes, then that form's own input. Switching the form starts it from
 * its default (or first allowed) value, so the choice shows at once and the value stays valid.
 */
export function ChoiceField({ field, path, value }: { field: Extract<TFieldModel, { kind: "choice" }>; path: TConfigPath; value: unknown }) {
  const context = useFormContext();
  const chosen = pickVariant(field.variants, value);
  const variant = field.variants[chosen];
  return (
    <FieldFrame field={field} path={path}>
      {(control) => (
        <div className={styles.choice}>
          <select
            id={control.id}
            aria-describedby={control.describedBy}
            disabled={context.isReadOnly}
            value={String(chosen)}
            onChange={(event) => {
              const index = Number(event.target.value);
              context.commit(path, index < 0 ? undefined : emptyValueOf(field.variants[index]!.schema));
            }}
          >
            <option value="-1">{field.defaultText ? `— default (${field.defaultText}) —` : "—"}</option>
            {field.variants.map((option, index) => <option key={index} value={String(index)}>{option.label}</option>)}
          </select>
          {variant && isLeafField(variant.field) && (
            <label id={`${control.id}-value-label`} htmlFor={`${control.id}-value`} className={styles.srOnly}>
              {field.label}: {variant.label}
            </label>
          )}
          {variant &&
            (isLeafField(variant.field) ? (
              <FieldControl
                field={variant.field}
                control={{ id: `${control.id}-value`, isInvalid: control.isInvalid }}
                path={path}
                value={value}
                isReadOnly={context.isReadOnly}
                onCommit={(next) => context.commit(path, next)}
              />
            ) : (
              <ConfigField field={variant.field} path={path} value={value} />
            ))}
        </div>
      )}
    </FieldFrame>
  );
}
