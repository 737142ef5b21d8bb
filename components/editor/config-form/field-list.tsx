"use client";

import { ConfigField } from "./config-field";
import { getAtPath, isPrefix, type TConfigPath } from "./config-values";
import { splitAdvanced, type TFieldModel } from "./field-model";
import { useFormContext } from "./form-context";
import styles from "./config-form.module.css";

/**
 * The fields of one group (the whole config, or a nested object) at `path`: the usual ones, then those a hint marks
 * `advanced` inside a collapsed "Advanced settings" section. The section opens when one of its fields has a problem,
 * so a refused value is never hidden.
 */
export function FieldList({ fields, path, value }: { fields: readonly TFieldModel[]; path: TConfigPath; value: unknown }) {
  const { problems } = useFormContext();
  const { basic, advanced } = splitAdvanced(fields);
  const render = (field: TFieldModel) => <ConfigField key={field.key} field={field} path={[...path, field.key]} value={getAtPath(value, [field.key])} />;
  const hasAdvancedProblem = problems.some((problem) => advanced.some((field) => isPrefix([...path, field.key], problem.configPath)));
  return (
    <>
      {basic.map(render)}
      {advanced.length > 0 && (
        <details className={styles.advanced} open={hasAdvancedProblem || undefined} data-testid="advanced-settings">
          <summary>Advanced settings ({advanced.length})</summary>
          {advanced.map(render)}
        </details>
      )}
    </>
  );
}
