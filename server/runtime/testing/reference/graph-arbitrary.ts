// Random graphs for the property test: a list of small instructions, read into a tree of regions. Shrinking the list
// shrinks the graph, so a failure is reported on a small graph. Every graph is valid: each input takes one edge
// (Merge several), bodies use only their own region's values, cycles close only through Map and Loop.
import fc from "fast-check";
import type { TRef, TRefNode, TRegion } from "./reference-graph";

export type TInstruction = { op: number; a: number; b: number; n: number };

export const instructionArbitrary: fc.Arbitrary<TInstruction> = fc.record({ op: fc.nat(11), a: fc.nat(50), b: fc.nat(50), n: fc.nat(999) });

export const graphArbitrary = fc.array(instructionArbitrary, { minLength: 1, maxLength: 14 }).map(buildGraph);

type TRules = { depth: number; canBranch: boolean; isTop: boolean };

export function buildGraph(instructions: readonly TInstruction[]): TRegion {
  let next = 0;
  let ids = 0;
  const newId = (kind: string) => `${kind}${++ids}`;

  /** Reads instructions into a region whose values start from `entry`; a body reads at most `limit` of them. */
  function readRegion(entry: TRef, rules: TRules, limit: number): TRegion {
    const nodes: TRefNode[] = [];
    const available: TRef[] = [entry];
    const used = new Set<string>();
    const pick = (index: number): TRef => {
      const ref = available[index % available.length]!;
      used.add(`${ref.node}.${ref.port}`);
      return ref;
    };
    const add = (node: TRefNode, ...ports: string[]) => {
      nodes.push(node);
      for (const port of ports) available.push({ node: node.id, port });
    };
    for (let count = 0; count < limit && next < instructions.length; count++) {
      const { op, a, b, n } = instructions[next++]!;
      const kind = chooseKind(op, rules);
      const base = { id: newId(kind), kind, n: n % 1000, wires: {} as Record<string, TRef[]> };
      switch (kind) {
        case "step":
          add({ ...base, wires: { in: [pick(a)] } }, "out");
          break;
        case "opt":
          add({ ...base, wires: op === 4 && rules.isTop ? {} : { in: [pick(a)] } }, "out");
          break;
        case "join":
        case "mixed":
          add({ ...base, wires: { a: [pick(a)], b: [pick(b)] } }, "out");
          break;
        case "merge":
          add({ ...base, wires: { in: [pick(a), pick(b), ...(n % 2 === 0 ? [pick(a + b + 1)] : [])] } }, "out");
          break;
        case "branch":
          add({ ...base, n: n % 1000, wires: { in: [pick(a)] } }, "true", "false");
          break;
        case "approval":
          add({ ...base, decision: n % 3 === 0 ? "rejected" : "approved", wires: { in: [pick(a)] } }, "approved", "rejected");
          break;
        case "map": {
          const list: TRefNode = { id: newId("list"), kind: "list", n: n % 4, wires: { in: [pick(a)] } };
          nodes.push(list);
          const body = readRegion({ node: base.id, port: "item" }, { depth: rules.depth + 1, canBranch: rules.canBranch, isTop: false }, 1 + (b % 3));
          add({ ...base, wires: { in: [{ node: list.id, port: "out" }] }, body }, "results");
          break;
        }
        case "loop": {
          // A loop body never skips its `continue` (no Branch or Approval inside): a skip there ends the loop early.
          const body = readRegion({ node: base.id, port: "item" }, { depth: rules.depth + 1, canBranch: false, isTop: false }, 1 + (b % 3));
          add({ ...base, n: 1 + (n % 3), wires: { in: [pick(a)] }, body }, "done");
          break;
        }
      }
    }
    if (nodes.length === 0) add({ id: newId("step"), kind: "step", n: 1, wires: { in: [pick(0)] } }, "out");
    // A rejection nobody handles fails the run (tested on its own): give every `rejected` a node to go to.
    for (const ref of available.filter((candidate) => candidate.port === "rejected" && !used.has(`${candidate.node}.${candidate.port}`))) {
      add({ id: newId("step"), kind: "step", n: 2, wires: { in: [pick(available.indexOf(ref))] } }, "out");
    }
    const result = available.at(-1)!;
    used.add(`${result.node}.${result.port}`);
    if (!rules.isTop) return { nodes, result };
    for (const ref of available.filter((candidate) => !used.has(`${candidate.node}.${candidate.port}`))) {
      nodes.push({ id: newId("output"), kind: "output", n: 0, name: `${ref.node}_${ref.port}`, wires: { in: [ref] } });
    }
    nodes.push({ id: newId("output"), kind: "output", n: 0, name: `${result.node}_${result.port}`, wires: { in: [result] } });
    return { nodes, result: undefined };
  }

  function chooseKind(op: number, rules: TRules): TRefNode["kind"] {
    const kinds: TRefNode["kind"][] = ["step", "join", "mixed", "opt", "opt", "merge", "branch", "approval", "map", "loop", "step", "branch"];
    const kind = kinds[op % kinds.length]!;
    if ((kind === "branch" || kind === "approval") && !rules.canBranch) return "step";
    if ((kind === "map" || kind === "loop") && rules.depth >= 2) return "mixed";
    return kind;
  }

  const input: TRefNode = { id: "input0", kind: "input", n: 0, wires: {} };
  const top = readRegion({ node: input.id, port: "out" }, { depth: 0, canBranch: true, isTop: true }, Number.POSITIVE_INFINITY);
  return { nodes: [input, ...top.nodes] };
}
