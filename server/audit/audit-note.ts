// How a mutation notes what it changed for its audit row (ctx.auditNote, record-mutation.ts): `before` is the state it
// found (null: the thing did not exist), `after` the state it left (null: the thing is gone). Only the fields a person
// reviewing the log needs: names, roles, flags, counts, hints; never a secret value, token or key (record-mutation.ts
// also redacts credential-named fields and bounds the size, as it does for the input).
import type { TAuditNote } from "./record-mutation";

export function noteChange(note: TAuditNote, before: unknown, after: unknown): void {
  Object.assign(note, { before, after });
}

/**
 * The shape most updates share: read the state first, make the change, note before and the state after (from the
 * change's result, or read again).
 * Nothing is noted when the change is refused (the row's outcome says so).
 */
export async function auditedChange<TResult, TBefore>(
  note: TAuditNote,
  change: { before: () => Promise<TBefore>; run: () => Promise<TResult>; after: (result: TResult, before: TBefore) => unknown | Promise<unknown> },
): Promise<TResult> {
  const before = await change.before();
  const result = await change.run();
  noteChange(note, before, await change.after(result, before));
  return result;
}

/** A creation: nothing before, `after` from the result. */
export async function auditedCreation<TResult>(note: TAuditNote, run: () => Promise<TResult>, after: (result: TResult) => unknown): Promise<TResult> {
  return auditedChange(note, { before: async () => null, run, after });
}

/** A deletion: `before` read first, nothing after. */
export async function auditedDeletion<TResult>(note: TAuditNote, before: () => Promise<unknown>, run: () => Promise<TResult>): Promise<TResult> {
  return auditedChange(note, { before, run, after: () => null });
}
