"use client";

import { useCallback, useState } from "react";
import type { TGraphNode, TGraphProblem, TNodeTypeDefinition } from "@/lib/graph";
import { isGroupNode } from "@/lib/graph/group-node";
import styles from "./editor.module.css";
import { ConfigForm } from "./config-form/config-form";
import type { TConfigDraft } from "./config-form/config-drafts";
import { toNodeConfigProblems, type TConfigPath } from "./config-form/config-values";
import { Words } from "./config-form/field-frame";
import { JsonEditor } from "./config-form/json-editor";
import type { TJsonTextError } from "./config-form/parse-json-text";
import { InspectorExtras } from "./inspector-extras";

/**
 * The selected node's label, its config as a form generated from its type's config schema and UI hints
 * (config-form/), its node type's own section (inspector-extras) and its pinned test output. Fields commit on change
 * (choices) or on blur (text, code), so one typed word is one undo step.
 */
export function Inspector(props: {
  node: TGraphNode;
  definition: TNodeTypeDefinition | undefined;
  workspaceId: string;
  graphId: string;
  isReadOnly: boolean;
  problems: readonly TGraphProblem[];
  drafts: readonly TConfigDraft[];
  onDraft: (nodeId: string, path: TConfigPath, draft: { text: string; error: TJsonTextError } | undefined) => void;
  onChange: (node: TGraphNode) => void;
}) {
  const { node, definition, isReadOnly, onDraft } = props;
  const nodeId = node.id;
  const onNodeDraft = useCallback((path: TConfigPath, draft: { text: string; error: TJsonTextError } | undefined) => onDraft(nodeId, path, draft), [nodeId, onDraft]);

  return (
    <section className={styles.inspector} aria-label="Inspector" data-testid="inspector">
      <div className={styles.paletteGroup}>{definition?.title ?? node.type}</div>
      {definition?.description && <p className={styles.muted}><Words text={definition.description} /></p>}
      <label className={styles.field}>
        <span>Label</span>
        <input key={`${node.id}-label`} defaultValue={node.label} disabled={isReadOnly} onBlur={(event) => event.target.value !== node.label && props.onChange({ ...node, label: event.target.value })} />
      </label>
      {definition ? (
        <ConfigForm
          key={`config-${node.id}`}
          node={node}
          definition={definition}
          problems={toNodeConfigProblems(props.problems, node.id)}
          drafts={props.drafts}
          workspaceId={props.workspaceId}
          isReadOnly={isReadOnly}
          onChange={props.onChange}
          onDraft={onNodeDraft}
        />
      ) : (
        <p className={styles.muted}>Unknown node type: its config is kept as stored.</p>
      )}
      <InspectorExtras node={node} workspaceId={props.workspaceId} graphId={props.graphId} isReadOnly={isReadOnly} onChange={props.onChange} />
      {/* A Group never runs, so it has no output to pin. */}
      {!isGroupNode(node) && <PinnedOutput key={`pinned-${node.id}`} node={node} isReadOnly={isReadOnly} onChange={props.onChange} />}
    </section>
  );
}

/** Test data the node outputs instead of running; its unparsed text stays with its error until it parses. */
function PinnedOutput({ node, isReadOnly, onChange }: { node: TGraphNode; isReadOnly: boolean; onChange: (node: TGraphNode) => void }) {
  const [draft, setDraft] = useState<{ text: string; error: TJsonTextError }>();
  const labelId = `${node.id}-pinned-label`;
  return (
    <div className={styles.field}>
      <span id={labelId}>Pinned output (test data)</span>
      <JsonEditor
        labelledBy={labelId}
        value={node.pinned}
        draft={draft}
        isReadOnly={isReadOnly}
        onInvalid={(text, error) => setDraft({ text, error })}
        onValid={(pinned) => {
          setDraft(undefined);
          const { pinned: _previous, ...rest } = node;
          onChange(pinned === undefined ? rest : { ...rest, pinned });
        }}
      />
      {draft && <p className={styles.formError} data-testid="field-error">Invalid JSON at {draft.error.message}</p>}
    </div>
  );
}
