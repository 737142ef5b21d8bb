import { appendFileSync } from "node:fs";
import type { TNodeImplementation } from "../node-implementation";

/**
 * An effectful node whose executions survive the process: it appends its idempotency key to a file, works for a
 * moment, then outputs its input plus one. Used by the crash test, in and out of a child process.
 */
export function createFileLedgerNode(ledgerPath: string): TNodeImplementation {
  return {
    definition: {
      type: "test/file-ledger",
      version: 1,
      title: "File ledger",
      category: "test",
      icon: "flask",
      description: "test node",
      inputs: [{ id: "in", kind: "data" }],
      outputs: [{ id: "out", kind: "data" }],
      configSchema: { type: "object" },
      sideEffects: "effectful",
    },
    async execute(context) {
      appendFileSync(ledgerPath, `${context.idempotencyKey}\n`);
      await new Promise((resolve) => setTimeout(resolve, 80));
      return { kind: "outputs", outputs: { out: Number(context.inputs.in) + 1 } };
    },
  };
}
