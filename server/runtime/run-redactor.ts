import { createRedactor, type TRedactor } from "../secrets/redact";

/**
 * The secrets a run has resolved so far, and a redactor for them. Every record the run writes (steps, checkpoint,
 * events, output, error) passes through it, so a secret value never reaches storage or a subscriber.
 */
export function createRunRedactor() {
  const secrets: { name: string; value: string }[] = [];
  let redactor: TRedactor = createRedactor([]);
  return {
    add(name: string, value: string): void {
      if (secrets.some((secret) => secret.value === value)) return;
      secrets.push({ name, value });
      redactor = createRedactor(secrets);
    },
    redact<T>(value: T): T {
      return redactor.redactValue(value);
    },
  };
}
