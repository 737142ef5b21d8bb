"use client";

import { useEffect, useRef, useState } from "react";
import { Field, TextInput } from "../../ui/text-input";

const DEBOUNCE_MS = 300;

/**
 * Text searched in error messages, sent 300 ms after the last keystroke. The box follows the URL only when the URL's
 * value changes (Clear filters, a link), so the round trip of what was just typed never rewrites the box.
 */
export function ErrorTextFilter(props: { value: string; onChange: (text: string) => void }) {
  const [text, setText] = useState(props.value);
  const [urlValue, setUrlValue] = useState(props.value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  if (props.value !== urlValue) {
    setUrlValue(props.value);
    setText(props.value);
  }
  // A new value from the URL (Clear filters) wins over a search still waiting to be sent.
  useEffect(() => clearTimeout(timer.current), [props.value]);

  return (
    <Field label="Error contains">
      <TextInput
        type="search"
        value={text}
        placeholder="e.g. timeout"
        maxLength={200}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => props.onChange(next), DEBOUNCE_MS);
        }}
      />
    </Field>
  );
}
