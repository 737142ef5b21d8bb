// Calling the API in integration tests: a caller with a real context (a real session user, or none), and the
// TRPCError a call was refused with.
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { createCaller } from "../api/root";
import { createInnerContext } from "../api/trpc";

export function callerFor(user: Parameters<typeof createInnerContext>[0]["user"]) {
  return createCaller(createInnerContext({ user }));
}

export async function rejectionOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}
