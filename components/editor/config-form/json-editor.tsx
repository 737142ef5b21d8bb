"use client";

import { LazyCodeEditor } from "./code-editor-lazy";
import { parseJsonText, type TJsonTextError } from "./parse-json-text";

/**
 * Free JSON in CodeMirror, read when the field loses focus. Text that does not parse is handed back with its error
 * (line, column, offset) instead of being dropped, so the caller can keep it and say what is wrong where.
 */
export function JsonEditor(props: {
  labelledBy: string;
  describedBy?: string;
  value: unknown;
  draft?: { text: string; error: TJsonTextError };
  isReadOnly: boolean;
  onValid: (value: unknown) => void;
  onInvalid: (text: string, error: TJsonTextError) => void;
}) {
  const { value, draft } = props;
  const text = value === undefined ? "" : JSON.stringify(value, null, 2);
  return (
    <LazyCodeEditor
      // A value changed elsewhere (undo, another tab) replaces the text, unless the user's unparsed text is kept.
      key={draft ? "draft" : text}
      language="json"
      labelledBy={props.labelledBy}
      describedBy={props.describedBy}
      initialText={draft?.text ?? text}
      isReadOnly={props.isReadOnly}
      mark={draft?.error}
      onBlur={(typed) => {
        if (draft?.text === typed) return;
        const parsed = parseJsonText(typed);
        if (!parsed.ok) return props.onInvalid(typed, parsed.error);
        if (draft || JSON.stringify(parsed.value) !== JSON.stringify(value)) props.onValid(parsed.value);
      }}
    />
  );
}
