"use client";

import { useState } from "react";
import type { TGraphSpec } from "@/lib/graph";
import styles from "./editor.module.css";
import { applySettingsField, SETTINGS_FIELDS, toFieldText } from "./graph-settings-fields";

/**
 * The graph's run limits, shown while no node is selected. A field commits on blur as one undoable edit; a value a
 * run would refuse stays in the field with the reason beside it.
 */
export function GraphSettingsPanel(props: { spec: TGraphSpec; getSpec: () => TGraphSpec; isReadOnly: boolean; onCommit: (next: TGraphSpec, before: TGraphSpec) => void }) {
  const settings = props.spec.settings ?? {};
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <section className={styles.inspector} aria-label="Graph settings" data-testid="graph-settings">
      <div className={styles.paletteGroup}>Graph settings</div>
      <p className={styles.muted}>Limits of every run of this graph: a run that reaches one fails with its reason.</p>
      {SETTINGS_FIELDS.map((field) => (
        <label key={field.key} className={styles.field}>
          <span>{field.label}</span>
          <input
            // Keyed by the stored value: undo, redo and a draft saved elsewhere show in the field.
            key={`${field.key}-${settings[field.key] ?? ""}`}
            type="number"
            min={0}
            step="any"
            defaultValue={toFieldText(settings, field)}
            placeholder={field.placeholder}
            disabled={props.isReadOnly}
            onBlur={(event) => {
              const before = props.getSpec();
              const result = applySettingsField(before.settings ?? {}, field, event.target.value);
              const { [field.key]: _error, ...others } = errors;
              setErrors("error" in result ? { ...others, [field.key]: result.error } : others);
              if ("settings" in result && toFieldText(result.settings, field) !== toFieldText(before.settings ?? {}, field)) props.onCommit({ ...before, settings: result.settings }, before);
            }}
          />
          {errors[field.key] && (
            <span role="alert" className={styles.formError}>
              {errors[field.key]}
            </span>
          )}
        </label>
      ))}
    </section>
  );
}
