// Format 1 -> 2. Version 1 grew by optional fields only (see fixtures/README.md): node retry and timeoutMs, the
// settings' mailboxCapacity, node groups; every shape it ever had is read here. Version 2 writes out what version 1 left
// implicit (a node's typeVersion, label and config, the document's settings), so a reader without this studio's
// defaults sees the same graph, and it names itself v2, so a studio that only knows v1 refuses it instead of guessing.

type TJsonObject = Record<string, unknown>;

export function upgradeV1ToV2(document: TJsonObject): TJsonObject {
  const nodes = Array.isArray(document.nodes) ? document.nodes.map(fillNodeDefaults) : document.nodes;
  return { ...document, format: "openclaw.graph/v2", nodes, settings: document.settings ?? {} };
}

function fillNodeDefaults(node: unknown): unknown {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return node;
  const { typeVersion = 1, label = "", config = {}, ...rest } = node as TJsonObject;
  return { ...rest, typeVersion, label, config };
}
