import { getNodeName } from "../get-node-name";
import { validateJsonValue } from "../json-schema";
import type { TNodeTypeRegistry } from "../node-type";
import { formatProblemPath, type TGraphProblem } from "../problem";
import type { TGraphSpec } from "../spec";

/**
 * Each node's config must fit its type's config schema. A missing required setting gets its own code because the
 * editor shows it differently (an empty field to fill, not a wrong value).
 */
export function findInvalidConfigs(spec: TGraphSpec, registry: TNodeTypeRegistry): TGraphProblem[] {
  const problems: TGraphProblem[] = [];
  spec.nodes.forEach((node, index) => {
    const definition = registry.get(node.type);
    if (!definition) return;
    for (const error of validateJsonValue(definition.configSchema, node.config)) {
      const name = getNodeName(node);
      const setting = formatProblemPath(error.path);
      const path = ["nodes", index, "config", ...error.path];
      if (error.keyword === "required") {
        const message = `"${name}" is missing the required setting "${setting}"`;
        problems.push({ code: "MISSING_CONFIG", message, path, nodeId: node.id });
      } else {
        const subject = error.path.length > 0 ? `the setting "${setting}"` : "its config";
        problems.push({ code: "INVALID_CONFIG", message: `"${name}" has an invalid value in ${subject}: ${error.message}`, path, nodeId: node.id });
      }
    }
  });
  return problems;
}
