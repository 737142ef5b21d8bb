/** The number of top-level settings a config schema declares: what its form shows at its first level. */
export function toConfigFieldCount(schema: Record<string, unknown>): number {
  const properties = schema.properties;
  return properties !== null && typeof properties === "object" ? Object.keys(properties).length : 0;
}
