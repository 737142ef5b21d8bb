"use client";

import { createContext, use } from "react";
import type { TConfigPath, TNodeConfigProblem } from "./config-values";
import type { TJsonTextError } from "./parse-json-text";

/** What every field of one node's form shares: where it is, what is wrong with it, and how a field commits. */
export type TFormContext = {
  /** Prefixes ids so two forms never share a label target. */
  formId: string;
  workspaceId: string;
  isReadOnly: boolean;
  problems: readonly TNodeConfigProblem[];
  /** Unparsed JSON text of a field, by path. */
  getDraft: (path: TConfigPath) => { text: string; error: TJsonTextError } | undefined;
  setDraft: (path: TConfigPath, draft: { text: string; error: TJsonTextError } | undefined) => void;
  /** Sets the config value at `path`; one call is one undo step. */
  commit: (path: TConfigPath, value: unknown) => void;
};

export const FormContext = createContext<TFormContext | undefined>(undefined);

export function useFormContext(): TFormContext {
  const context = use(FormContext);
  if (!context) throw new Error("A config field renders inside a ConfigForm");
  return context;
}

export function fieldId(formId: string, path: TConfigPath): string {
  return `${formId}-${path.join(".")}`;
}
