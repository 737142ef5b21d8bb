"use client";

import { javascript } from "@codemirror/lang-javascript";
import { json } from "@codemirror/lang-json";
import { setDiagnostics } from "@codemirror/lint";
import { EditorView } from "@codemirror/view";
import CodeMirror from "@uiw/react-codemirror";
import { useEffect, useMemo, useRef, useState } from "react";
import styles from "./config-form.module.css";

export type TCodeEditorProps = {
  labelledBy: string;
  describedBy?: string;
  language: "javascript" | "json";
  initialText: string;
  isReadOnly: boolean;
  /** A mistake to mark in the text (an underline at `offset`, its message on hover). */
  mark?: { offset: number; message: string };
  onBlur: (text: string) => void;
};

const SETUP = { foldGutter: false, highlightActiveLine: false, highlightActiveLineGutter: false, autocompletion: false, searchKeymap: false };

/**
 * CodeMirror 6 for code and free JSON (loaded on first use, see code-editor-lazy.tsx). It interprets nothing it shows:
 * highlighting and marks are done by parsers, so it runs without `unsafe-eval`. Its styles go into a <style> element,
 * which a `style-src` without `unsafe-inline` blocks unless it carries the page's nonce: it takes the one the page's
 * scripts carry, if any.
 */
export default function CodeEditor(props: TCodeEditorProps) {
  const [text, setText] = useState(props.initialText);
  const viewRef = useRef<EditorView | undefined>(undefined);
  const { labelledBy, describedBy, language, mark } = props;
  const extensions = useMemo(
    () => [
      language === "json" ? json() : javascript(),
      EditorView.lineWrapping,
      EditorView.cspNonce.of(findPageNonce()),
      EditorView.contentAttributes.of({ "aria-labelledby": labelledBy, ...(describedBy ? { "aria-describedby": describedBy } : {}), "aria-multiline": "true" }),
    ],
    [language, labelledBy, describedBy],
  );
  const markRef = useRef(mark);
  useEffect(() => {
    markRef.current = mark;
    if (viewRef.current) showMark(viewRef.current, mark);
  }, [mark]);

  return (
    <CodeMirror
      className={styles.code}
      value={text}
      onChange={setText}
      onBlur={() => props.onBlur(text)}
      extensions={extensions}
      basicSetup={SETUP}
      editable={!props.isReadOnly}
      readOnly={props.isReadOnly}
      minHeight="72px"
      maxHeight="360px"
      onCreateEditor={(view) => {
        viewRef.current = view;
        showMark(view, markRef.current);
      }}
      data-testid="code-editor"
      data-language={language}
    />
  );
}

function showMark(view: EditorView, mark: TCodeEditorProps["mark"]): void {
  const length = view.state.doc.length;
  const from = mark ? Math.max(0, Math.min(mark.offset, length - 1)) : 0;
  const diagnostics = mark ? [{ from, to: Math.min(length, from + 1), severity: "error" as const, message: mark.message }] : [];
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

/** The CSP nonce of the page (browsers hide the attribute but keep the property), or "" without a nonce policy. */
function findPageNonce(): string {
  return document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce ?? "";
}
