"use client";

import { LazyCodeEditor } from "./code-editor-lazy";
import type { TControlProps } from "./field-control";
import { Words } from "./field-frame";
import styles from "./config-form.module.css";

/** JavaScript in CodeMirror, with the names the code can use (UI hint `globals`) documented under it. */
export function ScriptInput({ field, control, value, isReadOnly, onCommit }: TControlProps<"code">) {
  const text = typeof value === "string" ? value : "";
  const globals = Object.entries(field.globals ?? {});
  return (
    <>
      <LazyCodeEditor
        language="javascript"
        labelledBy={`${control.id}-label`}
        describedBy={[control.describedBy, globals.length > 0 && `${control.id}-globals`].filter(Boolean).join(" ") || undefined}
        initialText={text}
        isReadOnly={isReadOnly}
        onBlur={(typed) => typed !== text && onCommit(typed)}
      />
      {globals.length > 0 && (
        <dl id={`${control.id}-globals`} className={styles.globals} aria-label="Available in this code" data-testid="code-globals">
          {globals.map(([name, text]) => (
            <div key={name}>
              <dt><code>{name}</code></dt>
              <dd><Words text={text} /></dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
