// The sandbox's fetch capability, called as the sandbox pool calls it, against a local server.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createHostCapabilities } from "./host-capabilities";

let server: http.Server;
let baseUrl = "";
const keys: (string | undefined)[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    keys.push(request.headers["idempotency-key"] as string | undefined);
    response.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function capabilitiesFor(idempotencyKey: string) {
  const fetch = createHostCapabilities({ caller: "Plugin test", allowedHosts: [new URL(baseUrl).host], allowedSecrets: [], resolveSecret: () => Promise.reject(new Error("none")), idempotencyKey });
  return (args: unknown) => fetch({ capability: "fetch", args, signal: new AbortController().signal });
}

it("gives each fetch of a job the step's key plus its index; a re-executed job repeats them; the code's own header wins", async () => {
  for (let execution = 0; execution < 2; execution++) {
    const fetch = capabilitiesFor("run-1:plugin:top:0");
    await fetch({ url: `${baseUrl}/a` });
    await fetch({ url: `${baseUrl}/b`, method: "POST", body: "{}" });
    await fetch({ url: `${baseUrl}/c`, headers: { "Idempotency-Key": "chosen-by-the-plugin" } });
  }
  const once = ["run-1:plugin:top:0:fetch-0", "run-1:plugin:top:0:fetch-1", "chosen-by-the-plugin"];
  expect(keys).toEqual([...once, ...once]);
});
