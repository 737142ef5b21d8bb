"use client";

import { useId, useMemo } from "react";
import type { TGraphNode, TNodeTypeDefinition } from "@/lib/graph";
import { problemsForField, setAtPath, type TNodeConfigProblem } from "./config-values";
import type { TConfigDraft } from "./config-drafts";
import { FieldList } from "./field-list";
import { toConfigFields } from "./field-model";
import { FormContext, type TFormContext } from "./form-context";
import styles from "./config-form.module.css";

type TConfigFormProps = {
  node: TGraphNode;
  definition: TNodeTypeDefinition;
  /** Problems of this node's config (validation and unparsed JSON alike), as the problems panel words them. */
  problems: readonly TNodeConfigProblem[];
  drafts: readonly TConfigDraft[];
  workspaceId: string;
  isReadOnly: boolean;
  onChange: (node: TGraphNode) => void;
  onDraft: TFormContext["setDraft"];
};

/**
 * The selected node's config as a form built from its type's config schema and UI hints (field-model.ts), the same
 * way for core, plugin and imported OpenClaw node types. Only the selected node's form is ever rendered.
 */
export function ConfigForm(props: TConfigFormProps) {
  const { node, definition, problems, drafts, workspaceId, isReadOnly, onChange, onDraft } = props;
  const fields = useMemo(() => toConfigFields(definition.configSchema, definition.uiHints), [definition]);
  const formId = useId();
  const context = useMemo<TFormContext>(
    () => ({
      formId,
      workspaceId,
      isReadOnly,
      problems,
      getDraft: (path) => drafts.find((draft) => draft.nodeId === node.id && JSON.stringify(draft.path) === JSON.stringify(path)),
      setDraft: onDraft,
      commit: (path, value) => onChange({ ...node, config: setAtPath(node.config, path, value) }),
    }),
    [drafts, formId, isReadOnly, node, onChange, onDraft, problems, workspaceId],
  );
  // Problems about the config as a whole (a value that is not an object, a setting the schema does not know).
  const unplaced = problemsForField(problems, [], fields.map((field) => [field.key]));
  return (
    <FormContext value={context}>
      {unplaced.length > 0 && (
        <ul className={styles.errors} data-testid="field-error">
          {unplaced.map((problem, index) => <li key={index}>{problem.message}</li>)}
        </ul>
      )}
      <FieldList fields={fields} path={[]} value={node.config} />
    </FormContext>
  );
}
