// A real OpenClaw gateway for the live test (`npm run test:openclaw-live`): the `openclaw` package needs Node 24, so
// `node@24` (the npm package of Node's binaries) and `openclaw` are installed into a folder of their own, and the
// gateway runs there with a config whose only model provider is the studio's local OpenAI-compatible test server.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
export const OPENCLAW_VERSION = "2026.9.6";

export type TOpenClawInstall = { nodeBin: string; openclawEntry: string };

/** Installs (once per folder) node@24 and then openclaw with that node first on PATH (its preinstall checks the version). */
export async function installOpenClaw(dir: string, log: (line: string) => void): Promise<TOpenClawInstall> {
  const nodeDir = path.join(dir, "node24");
  const nodeBin = path.join(nodeDir, "node_modules", ".bin", "node");
  const appDir = path.join(dir, "openclaw");
  const openclawEntry = path.join(appDir, "node_modules", "openclaw", "openclaw.mjs");
  if (!existsSync(nodeBin)) {
    mkdirSync(nodeDir, { recursive: true });
    writeFileSync(path.join(nodeDir, "package.json"), '{"private":true}');
    log("installing node@24 from the npm registry");
    await run("npm", ["install", "--no-audit", "--no-fund", "--foreground-scripts", "node@24"], { cwd: nodeDir, timeout: 600_000 });
  }
  const { stdout } = await run(nodeBin, ["--version"]);
  log(`node ${stdout.trim()}`);
  if (!existsSync(openclawEntry)) {
    mkdirSync(appDir, { recursive: true });
    writeFileSync(path.join(appDir, "package.json"), '{"private":true}');
    log(`installing openclaw@${OPENCLAW_VERSION}`);
    const pathWithNode24 = `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH ?? ""}`;
    await run("npm", ["install", "--no-audit", "--no-fund", `openclaw@${OPENCLAW_VERSION}`], { cwd: appDir, timeout: 900_000, env: { ...process.env, PATH: pathWithNode24 } });
  }
  return { nodeBin, openclawEntry };
}

export type TRealGateway = { url: string; token: string; logs: () => string; stop(): Promise<void> };

/** Writes openclaw.json (token auth on loopback, one agent on the test model server) and starts `openclaw gateway`. */
export async function startRealGateway(options: { install: TOpenClawInstall; dir: string; port: number; modelBaseUrl: string; token: string; agents: Record<string, Record<string, unknown>>; readyTimeoutMs: number }): Promise<TRealGateway> {
  const stateDir = path.join(options.dir, `state-${options.port}`);
  mkdirSync(path.join(stateDir, "workspace"), { recursive: true });
  const configPath = path.join(stateDir, "openclaw.json");
  const config = {
    gateway: { mode: "local", port: options.port, bind: "loopback", auth: { mode: "token", token: options.token } },
    agents: {
      defaults: { model: { primary: "studio/test-model" }, workspace: path.join(stateDir, "workspace") },
      entries: options.agents,
    },
    models: {
      mode: "merge",
      providers: {
        studio: {
          baseUrl: options.modelBaseUrl,
          apiKey: "studio-local",
          api: "openai-completions",
          models: [{ id: "test-model", name: "Studio test model", reasoning: false, input: ["text"], cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, contextWindow: 32_000, maxTokens: 2_048 }],
        },
      },
    },
  };
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  let output = "";
  const child: ChildProcess = spawn(options.install.nodeBin, [options.install.openclawEntry, "gateway", "--port", String(options.port), "--allow-unconfigured"], {
    cwd: stateDir,
    detached: true,
    env: { NODE_ENV: "production", PATH: `${path.dirname(options.install.nodeBin)}${path.delimiter}${process.env.PATH ?? ""}`, HOME: stateDir, OPENCLAW_STATE_DIR: stateDir, OPENCLAW_CONFIG_PATH: configPath, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(-child.pid, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + options.readyTimeoutMs;
  while (!(await isListening(options.port))) {
    if (child.exitCode !== null) throw new Error(`openclaw gateway exited with ${child.exitCode}:\n${output.slice(-2_000)}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`openclaw gateway did not listen on ${options.port} within ${options.readyTimeoutMs} ms:\n${output.slice(-2_000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { url: `ws://127.0.0.1:${options.port}`, token: options.token, logs: () => output, stop };
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
