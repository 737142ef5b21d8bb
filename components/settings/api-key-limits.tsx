"use client";

import { ACCESS_RIGHTS, type TRole, type TScope } from "@/lib/auth/access-rights";
import styles from "./settings.module.css";

export type TApiKeyLimits = { scopes: TScope[] | null; graphIds: string[] };

/**
 * What narrows a key below its role: the role's scopes to keep (null: all of them, also those a later version adds
 * to the role) and the graphs it reaches (none ticked: every graph its creator sees).
 */
export function ApiKeyLimits({ role, graphs, limits, onChange }: { role: TRole; graphs: { id: string; name: string }[]; limits: TApiKeyLimits; onChange: (limits: TApiKeyLimits) => void }) {
  const roleScopes = ACCESS_RIGHTS[role];
  const kept = limits.scopes ?? roleScopes;
  const toggleScope = (scope: TScope, isOn: boolean) => {
    const next = isOn ? [...kept, scope] : kept.filter((candidate) => candidate !== scope);
    onChange({ ...limits, scopes: roleScopes.every((candidate) => next.includes(candidate)) ? null : roleScopes.filter((candidate) => next.includes(candidate)) });
  };
  const toggleGraph = (graphId: string, isOn: boolean) => {
    onChange({ ...limits, graphIds: isOn ? [...limits.graphIds, graphId] : limits.graphIds.filter((id) => id !== graphId) });
  };
  return (
    <details className={styles.limits}>
      <summary>
        Limits: {limits.scopes ? `${limits.scopes.length} of ${roleScopes.length} scopes` : "every scope of the role"}, {limits.graphIds.length > 0 ? `${limits.graphIds.length} graph${limits.graphIds.length === 1 ? "" : "s"}` : "all graphs"}
      </summary>
      <fieldset>
        <legend>Scopes</legend>
        {roleScopes.map((scope) => (
          <label key={scope} className={styles.checkbox}>
            <input type="checkbox" checked={kept.includes(scope)} onChange={(event) => toggleScope(scope, event.target.checked)} />
            <code>{scope}</code>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Graphs (none ticked: all graphs; a limited key cannot create graphs)</legend>
        {graphs.map((graph) => (
          <label key={graph.id} className={styles.checkbox}>
            <input type="checkbox" checked={limits.graphIds.includes(graph.id)} onChange={(event) => toggleGraph(graph.id, event.target.checked)} />
            {graph.name}
          </label>
        ))}
        {graphs.length === 0 && <span className={styles.muted}>No graphs yet.</span>}
      </fieldset>
    </details>
  );
}
