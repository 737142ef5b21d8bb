import { AppError } from "../../app-error";

/** A gateway request that failed (refused, timed out, connection lost), in words the panel shows as they are. */
export function toGatewayAppError(error: unknown): never {
  throw new AppError("BAD_REQUEST", `The gateway could not answer: ${(error as Error).message}`);
}
