import { getAtPath } from "./get-at-path";

const PLACEHOLDER = /\{\{\s*([A-Za-z_$][\w$]*(?:(?:\.[\w$]+)|(?:\[\d+\]))*)\s*\}\}/g;

/**
 * `Hello {{user.name}}`: placeholders are dotted paths into `data`, nothing else. No expressions, no eval, so a
 * template from an untrusted graph can only read the data it is given. Objects render as JSON; missing values as "".
 */
export function renderTemplate(template: string, data: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (_, path: string) => {
    const value = getAtPath(data, path);
    if (value === undefined || value === null) return "";
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  });
}
