// The reference MCP server from npm (@modelcontextprotocol/server-everything, a devDependency), run from node_modules:
// over stdio as an approved command, or over streamable HTTP on a free local port. Never downloaded at test time.
import { execFileSync, spawn } from "node:child_process";
import { findFreePort } from "../../../testing/free-port";
import path from "node:path";
import type { TMcpCommand } from "../connect-mcp-server";

export const EVERYTHING_ENTRY = path.resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");

export function everythingCommand(id = "everything"): TMcpCommand {
  return { id, name: "everything", command: "node", args: [EVERYTHING_ENTRY, "stdio"] };
}

/** Processes running the reference server that this process started and that are still alive. */
export function runningEverythingChildren(): number[] {
  const lines = execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" }).split("\n");
  return lines.flatMap((line) => {
    const [pid, ppid, ...args] = line.trim().split(/\s+/);
    return Number(ppid) === process.pid && args.join(" ").includes(EVERYTHING_ENTRY) ? [Number(pid)] : [];
  });
}

/** `port`: to start it again where a stopped one listened (a server restart, as its clients see it). */
export async function startEverythingHttpServer(port?: number): Promise<{ url: string; host: string; port: number; stop(): Promise<void> }> {
  port ??= await findFreePort();
  const child = spawn(process.execPath, [EVERYTHING_ENTRY, "streamableHttp"], { env: { PATH: path.dirname(process.execPath), PORT: String(port) } as Record<string, string> as NodeJS.ProcessEnv, stdio: ["ignore", "ignore", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("listening on port")) resolve();
    });
    child.once("exit", () => reject(new Error(`the MCP test server exited: ${output}`)));
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    host: `127.0.0.1:${port}`,
    port,
    stop: async () => {
      child.kill("SIGKILL");
      await exited;
    },
  };
}
