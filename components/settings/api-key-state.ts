/** A key's state as the list shows it: revoked wins over expired, which wins over active. */
export type TApiKeyState = { label: "active" | "revoked" | "expired"; isUsable: boolean };

export function describeApiKeyState(key: { revokedAt: Date | string | null; expiresAt: Date | string | null }, now: Date = new Date()): TApiKeyState {
  if (key.revokedAt) return { label: "revoked", isUsable: false };
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= now.getTime()) return { label: "expired", isUsable: false };
  return { label: "active", isUsable: true };
}

export const EXPIRY_CHOICES = [
  { label: "Never", days: null },
  { label: "7 days", days: 7 },
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "1 year", days: 365 },
] as const;

/** The ISO expiry sent to apiKey.create for a choice of days, or undefined for a key that never expires. */
export function expiryFromDays(days: number | null, now: Date = new Date()): string | undefined {
  return days === null ? undefined : new Date(now.getTime() + days * 24 * 3_600_000).toISOString();
}
