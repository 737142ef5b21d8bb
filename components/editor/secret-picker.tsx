"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../trpc/trpc";

type TSecretPickerProps = {
  workspaceId: string;
  value: unknown;
  isReadOnly: boolean;
  id?: string;
  "aria-label"?: string;
  "aria-describedby"?: string;
  onCommit: (name: string | undefined) => void;
};

/**
 * A config field that names a workspace secret (UI hint `widget: "secret"` or OpenClaw's `sensitive`): a choice among the secret names, which is
 * all the browser ever learns about them. A read-only canvas shows the stored name without asking for the list.
 */
export function SecretPicker({ workspaceId, value, isReadOnly, onCommit, ...field }: TSecretPickerProps) {
  const trpc = useTRPC();
  const names = useQuery({ ...trpc.secret.listNames.queryOptions({ workspaceId }), enabled: !isReadOnly, staleTime: 30_000 });
  const current = typeof value === "string" ? value : "";
  const options = names.data ?? [];
  // A name that is not (or no longer) a secret of this workspace stays visible, so the user sees what to fix.
  const isMissing = current !== "" && names.data !== undefined && !options.includes(current);
  return (
    <select {...field} disabled={isReadOnly} value={current} onChange={(event) => onCommit(event.target.value || undefined)}>
      <option value="">{names.isLoading ? "Loading secrets…" : "— no secret —"}</option>
      {(isReadOnly || names.data === undefined) && current !== "" && <option value={current}>{current}</option>}
      {options.map((name) => <option key={name} value={name}>{name}</option>)}
      {isMissing && <option value={current}>{current} (not a secret of this workspace)</option>}
    </select>
  );
}
