// Node types for engine tests only: a ledger of executions, a node that fails a number of times, one that hangs.
import { NonRetriableError } from "../errors";
import type { TNodeImplementation } from "../node-implementation";

const passThrough = { inputs: [{ id: "in", kind: "data" as const }], outputs: [{ id: "out", kind: "data" as const }] };

function testDefinition(type: string, sideEffects: "pure" | "effectful") {
  return { type, version: 1, title: type, category: "test" as const, icon: "flask", description: "test node", configSchema: { type: "object" }, sideEffects, ...passThrough };
}

/** Appends every execution's idempotency key to `ledger`, then passes its input on. */
export function createLedgerNode(ledger: string[]): TNodeImplementation {
  return {
    definition: testDefinition("test/ledger", "effectful"),
    async execute(context) {
      ledger.push(context.idempotencyKey);
      return { kind: "outputs", outputs: { out: context.inputs.in } };
    },
  };
}

/** Fails its first `config.failures` attempts (per activation), then succeeds. */
export function createFlakyNode(attempts: number[]): TNodeImplementation {
  return {
    definition: testDefinition("test/flaky", "effectful"),
    async execute(context) {
      attempts.push(context.attempt);
      if (context.config.isFatal) throw new NonRetriableError("fatal");
      if (context.attempt <= Number(context.config.failures ?? 0)) throw new Error(`failure ${context.attempt}`);
      return { kind: "outputs", outputs: { out: context.inputs.in } };
    },
  };
}

/** Never finishes on its own; resolves only when its signal aborts (to test cancellation reaching a node). */
export function createHangingNode(onAbort: (reason: unknown) => void): TNodeImplementation {
  return {
    definition: testDefinition("test/hang", "effectful"),
    execute(context) {
      return new Promise((_, reject) => {
        context.signal.addEventListener("abort", () => {
          onAbort(context.signal.reason);
          reject(context.signal.reason);
        }, { once: true });
      });
    },
  };
}
