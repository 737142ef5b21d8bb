// The stdio transport for approved MCP commands. The SDK's own one copies HOME, USER, SHELL and the studio's PATH into
// the child and kills only the direct child; this one gives the child a fixed PATH and nothing else, and kills the
// whole process group, so a server started through a wrapper (npx, a shell script) leaves no grandchild behind.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ReadBuffer, serializeMessage } from "@modelcontextprotocol/sdk/shared/stdio.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

/** The studio's own Node first (so `node` and `npx` are the ones it runs on), then the system folders. */
export const MCP_CHILD_PATH = [path.dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].join(path.delimiter);
// The cast: Next's types declare NODE_ENV required, but the child gets PATH and nothing else.
export const MCP_CHILD_ENV = { PATH: MCP_CHILD_PATH } as Record<string, string> as NodeJS.ProcessEnv;
const STDERR_TAIL_CHARS = 2_000;
const GRACE_MS = 300;
const TERM_MS = 1_000;

/** A message that could not be written because the server had exited: it never reached the server. */
export class McpServerNotRunningError extends Error {
  constructor() {
    super("The MCP server is not running");
    this.name = "McpServerNotRunningError";
  }
}

export class McpStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private readonly buffer = new ReadBuffer();
  private stderr = "";

  constructor(private readonly command: { command: string; args: string[] }) {}

  /** The end of what the server wrote to stderr: the reason a server that would not start gives. */
  get stderrTail(): string {
    return this.stderr.trim();
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.command.command, this.command.args, {
        env: MCP_CHILD_ENV,
        stdio: ["pipe", "pipe", "pipe"],
        shell: false,
        detached: true,
      });
      this.child = child;
      this.exited = new Promise((done) => child.once("close", () => done()));
      child.once("error", (error) => {
        reject(error);
        this.onerror?.(error);
      });
      child.once("spawn", () => resolve());
      child.once("close", () => {
        this.child = undefined;
        this.onclose?.();
      });
      child.stdin?.on("error", (error) => this.onerror?.(error));
      child.stdout?.on("data", (chunk: Buffer) => this.read(chunk));
      child.stderr?.on("data", (chunk: Buffer) => {
        this.stderr = (this.stderr + chunk.toString("utf8")).slice(-STDERR_TAIL_CHARS);
      });
    });
  }

  send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.child?.stdin;
    if (!stdin || stdin.destroyed) return Promise.reject(new McpServerNotRunningError());
    return new Promise((resolve) => {
      if (stdin.write(serializeMessage(message))) resolve();
      else stdin.once("drain", resolve);
    });
  }

  /** Closing stdin asks the server to stop; it gets a moment, then the group gets SIGTERM, then SIGKILL. */
  async close(): Promise<void> {
    const child = this.child;
    if (child) {
      child.stdin?.end();
      if (!(await settlesWithin(this.exited, GRACE_MS))) {
        killGroup(child, "SIGTERM");
        if (!(await settlesWithin(this.exited, TERM_MS))) killGroup(child, "SIGKILL");
      }
      // Whatever the server itself started is still in its group.
      killGroup(child, "SIGKILL");
    }
    this.buffer.clear();
  }

  /** For a cancelled run: no grace. */
  kill(): void {
    if (this.child) killGroup(this.child, "SIGKILL");
  }

  private read(chunk: Buffer): void {
    try {
      this.buffer.append(chunk);
    } catch (error) {
      // Past the buffer cap: the server is not speaking MCP (or floods us); stop it.
      this.onerror?.(toError(error));
      void this.close();
      return;
    }
    for (;;) {
      try {
        const message = this.buffer.readMessage();
        if (!message) return;
        this.onmessage?.(message);
      } catch (error) {
        // A line that is not JSON-RPC (a stray log line) is consumed and reported; the next ones still count.
        this.onerror?.(toError(error));
      }
    }
  }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // detached: the child leads its own process group, whose id is its pid.
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is gone already.
  }
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
