"use client";

import { GRAPH_TEMPLATES } from "@/lib/graph";
import { getErrorMessage } from "../trpc/error-message";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import styles from "./graphs.module.css";
import { useCreateGraph } from "./use-create-graph";

/** Starting points: each template creates a new graph with its spec and opens it. */
export function TemplateGallery({ workspaceId, workspaceSlug }: { workspaceId: string; workspaceSlug: string }) {
  const create = useCreateGraph(workspaceSlug);
  return (
    <section aria-label="Templates">
      <div className={styles.templates}>
        {GRAPH_TEMPLATES.map((template) => (
          <div key={template.id} className={styles.template} data-testid="template-card">
            <strong>{template.title}</strong>
            <p>{template.description}</p>
            <Button onClick={() => create.mutate({ workspaceId, name: template.title, spec: template.spec })} disabled={create.isPending}>
              Use template
            </Button>
          </div>
        ))}
      </div>
      {create.error && <Alert>{getErrorMessage(create.error)}</Alert>}
    </section>
  );
}
