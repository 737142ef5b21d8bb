// A Redis server of a test's own (the machine's redis-server binary) on a free port, which the test may stop and start
// again; without persistence, as a Redis that lost its data on restart. Undefined when redis-server is not installed.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createConnection } from "node:net";
import { findFreePort } from "../../testing/free-port";

export function hasRedisServer(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

export async function createPrivateRedis() {
  const port = await findFreePort();
  let child: ChildProcess | undefined;
  const answers = () =>
    new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: "127.0.0.1", port }, () => socket.end(() => resolve(true)));
      socket.on("error", () => resolve(false));
    });
  return {
    url: `redis://127.0.0.1:${port}`,
    async start(): Promise<void> {
      child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
      for (let attempt = 0; !(await answers()); attempt += 1) {
        if (attempt > 100) throw new Error(`redis-server did not listen on port ${port}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop(): Promise<void> {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child!.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    },
  };
}
