"use client";

import type { TGraphNode, TNodeTypeDefinition } from "@/lib/graph";
import { isGroupNode } from "@/lib/graph/group-node";
import styles from "./editor.module.css";
import { InspectorExtras } from "./inspector-extras";
import { SecretPicker } from "./secret-picker";

type TFieldSchema = { type?: string | string[]; enum?: unknown[]; description?: string; default?: unknown; minimum?: number; maximum?: number };
type TUiHint = { widget?: string; label?: string; placeholder?: string };

/**
 * The selected node's label and config, as a form generated from its type's config JSON Schema and UI hints: text,
 * numbers, switches, choices and secret names (`widget: "secret"`); anything else is edited as JSON. Fields commit on
 * change (choices) or on blur (text), so one typed word is one undo step.
 */
export function Inspector(props: {
  node: TGraphNode;
  definition: TNodeTypeDefinition | undefined;
  workspaceId: string;
  graphId: string;
  isReadOnly: boolean;
  onChange: (node: TGraphNode) => void;
}) {
  const { node, definition, isReadOnly } = props;
  const properties = (definition?.configSchema.properties ?? {}) as Record<string, TFieldSchema>;
  const required = new Set((definition?.configSchema.required ?? []) as string[]);
  const hints = (definition?.uiHints ?? {}) as Record<string, TUiHint>;
  const setConfig = (key: string, value: unknown) => {
    const config = { ...node.config };
    if (value === undefined || value === "") delete config[key];
    else config[key] = value;
    props.onChange({ ...node, config });
  };

  return (
    <section className={styles.inspector} aria-label="Inspector" data-testid="inspector">
      <div className={styles.paletteGroup}>{definition?.title ?? node.type}</div>
      <label className={styles.field}>
        <span>Label</span>
        <input key={`${node.id}-label`} defaultValue={node.label} disabled={isReadOnly} onBlur={(event) => event.target.value !== node.label && props.onChange({ ...node, label: event.target.value })} />
      </label>
      {/* A `hidden` field is edited by its node type's own section below (InspectorExtras). */}
      {Object.entries(properties).filter(([key]) => hints[key]?.widget !== "hidden").map(([key, schema]) => (
        <ConfigField
          key={`${node.id}-${key}`}
          name={key}
          label={`${hints[key]?.label ?? key}${required.has(key) ? " *" : ""}`}
          schema={schema}
          hint={hints[key]}
          value={node.config[key]}
          workspaceId={props.workspaceId}
          isReadOnly={isReadOnly}
          onCommit={(value) => setConfig(key, value)}
        />
      ))}
      <InspectorExtras node={node} workspaceId={props.workspaceId} graphId={props.graphId} isReadOnly={isReadOnly} onChange={props.onChange} />
      {/* A Group never runs, so it has no output to pin. */}
      {!isGroupNode(node) && (
        <label className={styles.field}>
          <span>Pinned output (test data)</span>
          <JsonField
            key={`${node.id}-pinned`}
            aria-label="Pinned output"
            disabled={isReadOnly}
            value={node.pinned}
            onCommit={(pinned) => {
              const { pinned: _previous, ...rest } = node;
              props.onChange(pinned === undefined ? rest : { ...rest, pinned });
            }}
          />
        </label>
      )}
      {!definition && <p className={styles.muted}>Unknown node type: its config is shown as stored.</p>}
    </section>
  );
}

function ConfigField(props: { name: string; label: string; schema: TFieldSchema; hint: TUiHint | undefined; value: unknown; workspaceId: string; isReadOnly: boolean; onCommit: (value: unknown) => void }) {
  const { schema, value, isReadOnly } = props;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const common = { "aria-label": props.name, disabled: isReadOnly, title: schema.description };
  let control: React.ReactNode;
  if (props.hint?.widget === "secret") {
    control = <SecretPicker aria-label={props.name} title={schema.description} workspaceId={props.workspaceId} value={value} isReadOnly={isReadOnly} onCommit={props.onCommit} />;
  } else if (schema.enum) {
    control = (
      <select {...common} value={value === undefined ? "" : JSON.stringify(value)} onChange={(event) => props.onCommit(event.target.value ? JSON.parse(event.target.value) : undefined)}>
        <option value="">—</option>
        {schema.enum.map((option) => <option key={JSON.stringify(option)} value={JSON.stringify(option)}>{String(option)}</option>)}
      </select>
    );
  } else if (type === "boolean") {
    control = <input {...common} type="checkbox" checked={value === true} onChange={(event) => props.onCommit(event.target.checked)} />;
  } else if (type === "integer" || type === "number") {
    control = <input {...common} type="number" defaultValue={typeof value === "number" ? value : ""} min={schema.minimum} max={schema.maximum} onBlur={(event) => props.onCommit(event.target.value === "" ? undefined : Number(event.target.value))} />;
  } else if (type === "string") {
    const isLong = props.hint?.widget === "textarea" || props.hint?.widget === "code";
    control = isLong
      ? <textarea {...common} defaultValue={typeof value === "string" ? value : ""} placeholder={props.hint?.placeholder} onBlur={(event) => props.onCommit(event.target.value)} rows={6} />
      : <input {...common} defaultValue={typeof value === "string" ? value : ""} placeholder={props.hint?.placeholder} onBlur={(event) => props.onCommit(event.target.value)} />;
  } else {
    control = <JsonField {...common} value={value} onCommit={props.onCommit} />;
  }
  return (
    <label className={styles.field}>
      <span>{props.label}</span>
      {control}
    </label>
  );
}

function JsonField(props: { value: unknown; disabled: boolean; onCommit: (value: unknown) => void; "aria-label": string }) {
  return (
    <textarea
      aria-label={props["aria-label"]}
      disabled={props.disabled}
      rows={4}
      defaultValue={props.value === undefined ? "" : JSON.stringify(props.value, null, 2)}
      onBlur={(event) => {
        const text = event.target.value.trim();
        if (!text) return props.onCommit(undefined);
        try {
          props.onCommit(JSON.parse(text));
          event.target.setCustomValidity("");
        } catch {
          event.target.setCustomValidity("Not valid JSON");
          event.target.reportValidity();
        }
      }}
    />
  );
}
