"use client";

import { useState } from "react";
import styles from "../editor.module.css";

type TFieldSchema = { type?: string | string[]; description?: string; enum?: unknown[]; default?: unknown };
type TObjectSchema = { type?: string; properties?: Record<string, TFieldSchema>; required?: string[] };

/**
 * The run's input, as a form generated from the Input node's schema: one field per property of an object schema
 * (text, number, switch, choice; JSON for anything else), or one JSON box when there is no usable schema. The server
 * checks the input against the schema again and its message is shown as is.
 */
export function RunInputForm(props: { schema: unknown; isBusy: boolean; error?: string; onSubmit: (input: unknown) => void; onCancel: () => void }) {
  const schema = (props.schema ?? {}) as TObjectSchema;
  const properties = schema.type === "object" && schema.properties ? Object.entries(schema.properties) : undefined;
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const [json, setJson] = useState("{}");
  const [parseError, setParseError] = useState<string>();

  const submit = () => {
    try {
      setParseError(undefined);
      props.onSubmit(properties ? toInput(properties, values, new Set(schema.required ?? [])) : JSON.parse(json || "null"));
    } catch (error) {
      setParseError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <form
      className={styles.runForm}
      aria-label="Run input"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {properties ? (
        properties.map(([name, field]) => (
          <label key={name} className={styles.field}>
            <span>{name}{schema.required?.includes(name) ? " *" : ""}</span>
            <FieldInput name={name} field={field} value={values[name]} onChange={(value) => setValues((current) => ({ ...current, [name]: value }))} />
          </label>
        ))
      ) : (
        <label className={styles.field}>
          <span>Input (JSON)</span>
          <textarea aria-label="Run input JSON" rows={6} value={json} onChange={(event) => setJson(event.target.value)} />
        </label>
      )}
      {(parseError ?? props.error) && <p role="alert" className={styles.formError}>{parseError ?? props.error}</p>}
      <div className={styles.runFormActions}>
        <button type="submit" disabled={props.isBusy}>{props.isBusy ? "Starting…" : "Start run"}</button>
        <button type="button" onClick={props.onCancel}>Close</button>
      </div>
    </form>
  );
}

function FieldInput(props: { name: string; field: TFieldSchema; value: string | boolean | undefined; onChange: (value: string | boolean) => void }) {
  const type = Array.isArray(props.field.type) ? props.field.type[0] : props.field.type;
  const common = { "aria-label": props.name, title: props.field.description };
  if (props.field.enum) {
    return (
      <select {...common} value={String(props.value ?? "")} onChange={(event) => props.onChange(event.target.value)}>
        <option value="">—</option>
        {props.field.enum.map((option) => <option key={JSON.stringify(option)} value={JSON.stringify(option)}>{String(option)}</option>)}
      </select>
    );
  }
  if (type === "boolean") return <input {...common} type="checkbox" checked={props.value === true} onChange={(event) => props.onChange(event.target.checked)} />;
  if (type === "number" || type === "integer") return <input {...common} type="number" value={String(props.value ?? "")} onChange={(event) => props.onChange(event.target.value)} />;
  if (type === "string") return <textarea {...common} rows={2} value={String(props.value ?? "")} onChange={(event) => props.onChange(event.target.value)} />;
  return <textarea {...common} rows={3} placeholder="JSON" value={String(props.value ?? "")} onChange={(event) => props.onChange(event.target.value)} />;
}

/** Typed values from the form; empty optional fields are left out, so the schema's defaults and checks apply. */
function toInput(properties: [string, TFieldSchema][], values: Record<string, string | boolean>, required: Set<string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, field] of properties) {
    const raw = values[name];
    const type = Array.isArray(field.type) ? field.type[0] : field.type;
    if (type === "boolean") {
      if (raw !== undefined || required.has(name)) input[name] = raw === true;
      continue;
    }
    if (raw === undefined || raw === "") continue;
    if (field.enum) input[name] = JSON.parse(String(raw));
    else if (type === "number" || type === "integer") input[name] = Number(raw);
    else if (type === "string") input[name] = raw;
    else input[name] = JSON.parse(String(raw));
  }
  return input;
}
