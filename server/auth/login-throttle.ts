// Slows password guessing: after MAX_FAILURES failed sign-ins for one email within WINDOW_MS, further attempts for
// that email are refused until the window passes. In memory: one studio process owns its sign-ins.
const MAX_FAILURES = 10;
const WINDOW_MS = 10 * 60 * 1000;

const failures = new Map<string, number[]>();

function recent(email: string, now: number): number[] {
  const kept = (failures.get(email) ?? []).filter((at) => now - at < WINDOW_MS);
  if (kept.length > 0) failures.set(email, kept);
  else failures.delete(email);
  return kept;
}

export function isLoginThrottled(email: string, now = Date.now()): boolean {
  return recent(email, now).length >= MAX_FAILURES;
}

export function recordLoginFailure(email: string, now = Date.now()): void {
  failures.set(email, [...recent(email, now), now]);
}

export function clearLoginFailures(email: string): void {
  failures.delete(email);
}
