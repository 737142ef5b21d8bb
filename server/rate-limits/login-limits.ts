// Password guessing, slowed without handing attackers a lockout switch. Failures count per (email, address): the first
// FREE_FAILURES cost nothing, each later one pauses that pair for twice as long as the one before (1 s, 2 s, 4 s, ...
// up to 15 minutes), so someone guessing from elsewhere slows only themselves and the real user, at their own
// address, signs in as usual. Each address also has a budget of failures per window across all emails, against
// spraying. A success clears the pair. Counters live in Postgres (limiter-store.ts), shared by every process.
import { createLimiter, secondsUntil } from "./limiter-store";

export const FREE_FAILURES = 5;
const MAX_PAUSE_SECONDS = 15 * 60;
export const ADDRESS_FAILURES_PER_WINDOW = 50;
const ADDRESS_WINDOW_SECONDS = 15 * 60;

const pairFailures = createLimiter({ name: "login-fail", points: 100_000, durationSeconds: 24 * 3600 });
const pairPause = createLimiter({ name: "login-pause", points: 1, durationSeconds: 1 });
const addressFailures = createLimiter({ name: "login-address", points: ADDRESS_FAILURES_PER_WINDOW, durationSeconds: ADDRESS_WINDOW_SECONDS });

export type TLoginAttempt = { email: string; address: string };
export type TLoginRefusal = { reason: string; retryAfterSeconds: number };

const pairKey = ({ email, address }: TLoginAttempt) => `${email.trim().toLowerCase()}|${address}`;

/** Null when this attempt may be tried now; else why not and for how long. */
export async function checkLoginAttempt(attempt: TLoginAttempt): Promise<TLoginRefusal | null> {
  const [pause, fromAddress] = await Promise.all([pairPause().get(pairKey(attempt)), addressFailures().get(attempt.address)]);
  if (fromAddress && fromAddress.consumedPoints >= ADDRESS_FAILURES_PER_WINDOW) {
    return { reason: "Too many failed sign-ins from this address", retryAfterSeconds: secondsUntil(fromAddress.msBeforeNext) };
  }
  if (pause && pause.consumedPoints > 1) return { reason: "Too many failed sign-ins for this email", retryAfterSeconds: secondsUntil(pause.msBeforeNext) };
  return null;
}

export async function recordLoginFailure(attempt: TLoginAttempt): Promise<void> {
  const key = pairKey(attempt);
  const [counted] = await Promise.all([pairFailures().penalty(key, 1), addressFailures().penalty(attempt.address, 1)]);
  const beyondFree = counted.consumedPoints - FREE_FAILURES;
  if (beyondFree > 0) await pairPause().block(key, Math.min(MAX_PAUSE_SECONDS, 2 ** (beyondFree - 1)));
}

export async function recordLoginSuccess(attempt: TLoginAttempt): Promise<void> {
  const key = pairKey(attempt);
  await Promise.all([pairFailures().delete(key), pairPause().delete(key)]);
}
