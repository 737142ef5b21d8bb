"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextInput } from "../ui/text-input";
import styles from "./settings.module.css";
import { useRefreshSettings } from "./use-settings-mutation";

/**
 * The only programs an MCP Tools node can start: each an exact program and argument list, run without a shell and
 * with PATH as its only environment variable. Editors pick from this list; they cannot type a command.
 */
export function McpCommandsSection({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshSettings();
  const commands = useQuery(trpc.mcp.listCommands.queryOptions({ workspaceId }));
  const add = useMutation(trpc.mcp.addCommand.mutationOptions({ onSuccess: async () => { setName(""); setCommand(""); setArgs(""); await refresh(); } }));
  const remove = useMutation(trpc.mcp.removeCommand.mutationOptions({ onSuccess: refresh }));
  const [name, setName] = useState("");
  const [command, setCommand] = useState("");
  const [args, setArgs] = useState("");
  const error = add.error ?? remove.error ?? commands.error;
  const argList = args.split("\n").map((line) => line.trim()).filter((line) => line !== "");

  return (
    <section className={styles.section} aria-labelledby="mcp-title">
      <div className={styles.sectionHeader}>
        <h2 id="mcp-title">MCP server commands</h2>
        <p>
          MCP Tools nodes can start only these commands, exactly as written, with PATH as their only environment variable.
          Editors see them, so keep secrets out of the arguments.
        </p>
      </div>
      {error && <Alert>{getErrorMessage(error)}</Alert>}
      <table className={styles.table}>
        <thead><tr><th>Name</th><th>Command line</th><th /></tr></thead>
        <tbody>
          {commands.data?.map((entry) => (
            <tr key={entry.id} data-testid="mcp-command-row">
              <td>{entry.name}</td>
              <td className={styles.mono}>{[entry.command, ...entry.args].map(quoteArg).join(" ")}</td>
              <td><Button variant="danger" onClick={() => remove.mutate({ workspaceId, commandId: entry.id })}>Remove</Button></td>
            </tr>
          ))}
          {commands.data?.length === 0 && <tr><td colSpan={3} className={styles.muted}>No MCP command is approved yet.</td></tr>}
        </tbody>
      </table>
      <form style={{ display: "grid", gap: 8 }} onSubmit={(event) => { event.preventDefault(); add.mutate({ workspaceId, name, command, args: argList }); }}>
        <div className={styles.row}>
          <TextInput aria-label="Command name" placeholder="Name, e.g. memory" value={name} onChange={(e) => setName(e.target.value)} style={{ width: 200 }} />
          <TextInput aria-label="Program" placeholder="Program: node, npx or an absolute path" value={command} onChange={(e) => setCommand(e.target.value)} className={styles.grow} />
        </div>
        <textarea
          aria-label="Arguments, one per line"
          placeholder={"Arguments, one per line, e.g.\nnode_modules/@modelcontextprotocol/server-memory/dist/index.js"}
          className={styles.textarea}
          value={args}
          onChange={(e) => setArgs(e.target.value)}
        />
        <Button type="submit" variant="primary" disabled={!name || !command || add.isPending}>Approve command</Button>
      </form>
    </section>
  );
}

/** For display only: the command runs without a shell, so this quoting is never parsed. */
function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}
