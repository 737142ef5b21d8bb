import { maskSecretHint } from "../../secrets/secret-rules";

/** The columns a secret is shown with. Never the ciphertext or nonce: what leaves the server is a name and a mask. */
export const SECRET_SUMMARY_SELECT = { id: true, name: true, hint: true, createdAt: true, updatedAt: true } as const;

export function toSecretSummary(secret: { id: string; name: string; hint: string; createdAt: Date; updatedAt: Date }) {
  return { id: secret.id, name: secret.name, mask: maskSecretHint(secret.hint), createdAt: secret.createdAt, updatedAt: secret.updatedAt };
}
