"use client";

import type { TFieldModel } from "./field-model";
import { problemsForField, type TConfigPath } from "./config-values";
import { fieldId, useFormContext } from "./form-context";
import styles from "./config-form.module.css";

/** Text with `backticks` shown as code, the way node types write names in their descriptions. */
export function Words({ text }: { text: string }) {
  return text.split(/(`[^`]+`)/).map((part, index) => (part.startsWith("`") && part.endsWith("`") && part.length > 2 ? <code key={index}>{part.slice(1, -1)}</code> : part));
}

/** Ids of the lines under a field (description, examples, default, errors), for `aria-describedby`. */
export function describedByOf(id: string, field: TFieldModel, hasErrors: boolean): string | undefined {
  const ids = [field.description && `${id}-description`, field.examples.length > 0 && `${id}-examples`, field.defaultText && `${id}-default`, hasErrors && `${id}-errors`];
  return ids.filter(Boolean).join(" ") || undefined;
}

/**
 * A field's label above its control and, under it, what explains it: the description, examples, the default the node
 * uses when it is left empty, and the problems located at it, worded exactly as the problems panel words them.
 * `claimed` are the paths of fields inside it, which show their own problems.
 */
export function FieldFrame(props: { field: TFieldModel; path: TConfigPath; claimed?: readonly TConfigPath[]; isGroup?: boolean; children: (control: { id: string; describedBy?: string; isInvalid: boolean }) => React.ReactNode }) {
  const { field, path } = props;
  const context = useFormContext();
  const id = fieldId(context.formId, path);
  const problems = problemsForField(context.problems, path, props.claimed);
  const describedBy = describedByOf(id, field, problems.length > 0);
  const label = (
    <>
      {field.label}
      {field.isRequired && <span aria-hidden="true" className={styles.required}> *</span>}
    </>
  );
  const notes = (
    <>
      {field.description && <p id={`${id}-description`} className={styles.note}><Words text={field.description} /></p>}
      {field.examples.length > 0 && (
        <p id={`${id}-examples`} className={styles.note}>
          {field.examples.length === 1 ? "Example: " : "Examples: "}
          {field.examples.map((example, index) => <code key={index} className={styles.example}>{example}</code>)}
        </p>
      )}
      {field.defaultText && <p id={`${id}-default`} className={styles.note}>Default: <code>{field.defaultText}</code></p>}
      {problems.length > 0 && (
        <ul id={`${id}-errors`} className={styles.errors} data-testid="field-error">
          {problems.map((problem, index) => <li key={index}>{problem.message}</li>)}
        </ul>
      )}
    </>
  );
  if (props.isGroup) {
    return (
      <fieldset className={styles.group} aria-describedby={describedBy} aria-required={field.isRequired || undefined} data-invalid={problems.length > 0 || undefined}>
        <legend className={styles.label}>{label}</legend>
        {notes}
        {props.children({ id, describedBy, isInvalid: problems.length > 0 })}
      </fieldset>
    );
  }
  return (
    <div className={styles.field} data-invalid={problems.length > 0 || undefined}>
      <label id={`${id}-label`} htmlFor={id} className={styles.label}>{label}</label>
      {props.children({ id, describedBy, isInvalid: problems.length > 0 })}
      {notes}
    </div>
  );
}
