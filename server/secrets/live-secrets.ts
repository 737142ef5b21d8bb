// The secret values this process has held in clear: workspace secrets resolved for a run (resolve-secret.ts) and the
// credentials of its own configuration. The logger runs every line through `redactLiveSecrets` (telemetry/logger.ts),
// so a value that reaches a log line by any path (an error message, a request dump, a library's warning) is written as
// `[secret:NAME]`, in every spelling the run redactor knows (secret-spellings.ts). Run records have their own, exact
// redactor per run (runtime/run-redactor.ts); this one is the process-wide net under the logs.
import { createRedactor, MIN_REDACTABLE_CHARS, type TRedactor } from "./redact";
import { listSecretSpellings } from "./secret-spellings";

/** Beyond this many values, the one resolved least recently drops out. */
const MAX_LIVE_SECRETS = 500;

/** By value: the name it was last resolved under, and the first MIN_REDACTABLE_CHARS characters of its spellings. */
const known = new Map<string, { name: string; prefixes: string[] }>();
let redactor: TRedactor = createRedactor([]);
/** Every known prefix: a line without any of them holds no secret. */
let prefixes = new Set<string>();

/** Remembers a value for log redaction; the last name it was resolved under names it. */
export function rememberSecret(name: string, value: string): void {
  if (value.length < MIN_REDACTABLE_CHARS) return;
  const earlier = known.get(value);
  // Moved to the end either way: the map's order is the eviction order.
  known.delete(value);
  known.set(value, { name, prefixes: earlier?.prefixes ?? listPrefixes(value) });
  if (earlier?.name === name) return;
  if (known.size > MAX_LIVE_SECRETS) known.delete(known.keys().next().value!);
  redactor = createRedactor([...known].map(([secretValue, entry]) => ({ name: entry.name, value: secretValue })));
  prefixes = new Set([...known.values()].flatMap((entry) => entry.prefixes));
}

function listPrefixes(value: string): string[] {
  return listSecretSpellings(value)
    .filter((spelling) => spelling.length >= MIN_REDACTABLE_CHARS)
    .map((spelling) => spelling.slice(0, MIN_REDACTABLE_CHARS));
}

/**
 * The text with every remembered value replaced. Most lines hold none: one pass over the line's windows against a set
 * of prefixes decides that, whatever the number of secrets, before the full redactor runs.
 */
export function redactLiveSecrets(text: string): string {
  if (prefixes.size === 0) return text;
  for (let index = 0; index + MIN_REDACTABLE_CHARS <= text.length; index++) {
    if (prefixes.has(text.slice(index, index + MIN_REDACTABLE_CHARS))) return redactor.redactText(text);
  }
  return text;
}

/** The credentials of the process's own configuration, by variable name. */
export function rememberConfiguredSecrets(config: {
  NEXTAUTH_SECRET?: string;
  STUDIO_MASTER_KEY?: string;
  STUDIO_ADMIN_PASSWORD?: string;
  STUDIO_METRICS_TOKEN?: string;
  DATABASE_URL?: string;
  SMTP_URL?: string;
  STUDIO_OIDC_PROVIDERS: { id: string; clientSecret: string }[];
}): void {
  const { NEXTAUTH_SECRET, STUDIO_MASTER_KEY, STUDIO_ADMIN_PASSWORD, STUDIO_METRICS_TOKEN } = config;
  for (const [name, value] of Object.entries({ NEXTAUTH_SECRET, STUDIO_MASTER_KEY, STUDIO_ADMIN_PASSWORD, STUDIO_METRICS_TOKEN })) {
    if (value) rememberSecret(name, value);
  }
  for (const [name, url] of Object.entries({ DATABASE_URL: config.DATABASE_URL, SMTP_URL: config.SMTP_URL })) {
    const password = url ? decodeURIComponent(new URL(url).password) : "";
    if (password) rememberSecret(`${name}_PASSWORD`, password);
  }
  for (const provider of config.STUDIO_OIDC_PROVIDERS) rememberSecret(`OIDC_${provider.id}_CLIENT_SECRET`, provider.clientSecret);
}
