import type { TNodeTypeDefinition } from "@/lib/graph";
import { NonRetriableError } from "../runtime/errors";
import type { TNodeImplementation } from "../runtime/node-implementation";
import { createHostCapabilities } from "./host-capabilities";
import { runInSandbox } from "./sandbox-host";
import type { TLoadedPlugin } from "./workspace-plugins";

const PLUGIN_TIMEOUT_MS = 30_000;

/** The job a plugin node runs in the sandbox: the plugin's entry file, then the exported function of this node type. */
export function buildPluginJob(source: string, nodeName: string): string {
  return [
    "const module = { exports: {} }; const exports = module.exports;",
    source,
    `const run = module.exports[${JSON.stringify(nodeName)}];`,
    `if (typeof run !== "function") throw new Error(${JSON.stringify(`the plugin exports no function "${nodeName}"`)});`,
    "return await run(input);",
  ].join("\n");
}

/**
 * A plugin's node type as the runtime sees it: every execution is a sandbox job with copies of inputs and config, and
 * the only way out is `host.call("fetch", ...)` to the hosts and secrets an admin granted this plugin.
 */
export function createPluginNode(options: { definition: TNodeTypeDefinition; plugin: Pick<TLoadedPlugin, "pluginKey" | "grants">; source: string }): TNodeImplementation {
  const nodeName = options.definition.type.slice(options.plugin.pluginKey.length + 1);
  const code = buildPluginJob(options.source, nodeName);
  return {
    definition: options.definition,
    async execute(context) {
      const { pluginKey, grants } = options.plugin;
      const result = await runInSandbox({
        code,
        input: { inputs: context.inputs, config: context.config },
        timeoutMs: context.config.timeoutMs ? Number(context.config.timeoutMs) : PLUGIN_TIMEOUT_MS,
        signal: context.signal,
        onCapability: createHostCapabilities({ caller: `Plugin ${pluginKey}`, allowedHosts: grants.egress, allowedSecrets: grants.secrets, resolveSecret: context.resolveSecret, idempotencyKey: context.idempotencyKey, traceparent: context.traceparent }),
      });
      if (!result.ok) {
        const message = `Plugin ${options.plugin.pluginKey}: ${result.error.message}`;
        // Timeouts and crashes may pass on a retry; an error thrown by the plugin's own code is its answer.
        throw result.error.code === "RUNTIME" ? new NonRetriableError(message) : new Error(message);
      }
      result.logs.forEach((line) => context.emit("node.log", { level: "info", message: line }));
      const output = result.output;
      if (output === null || typeof output !== "object" || Array.isArray(output)) {
        throw new NonRetriableError(`Plugin ${options.plugin.pluginKey}: "${nodeName}" must return an object of output ports`);
      }
      return { kind: "outputs", outputs: output as Record<string, unknown> };
    },
  };
}
