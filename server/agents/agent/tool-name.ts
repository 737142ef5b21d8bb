/** A name models accept for a tool (`^[A-Za-z0-9_-]{1,64}$`), made from any label. */
export function toToolName(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_-]+/g, "_").replace(/^_+|_+$/g, "");
  return (cleaned || "tool").slice(0, 64);
}
