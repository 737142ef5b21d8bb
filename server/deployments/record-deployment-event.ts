import type { TDbOrTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { TComparison } from "./compare-arms";
import type { TReplayNumbers } from "./replay-numbers";

export type TDeploymentEventKind =
  | "deployed"
  | "canary_started"
  | "share_changed"
  | "promoted"
  | "rolled_back"
  | "idle_deployed"
  | "replay_started"
  | "replayed"
  | "switched"
  | "switched_back"
  | TRequestEventKind;

/** The steps of a four-eyes request (request-deployment.ts, decide-deployment-request.ts). */
export type TRequestEventKind = "requested" | "approved" | "rejected";

/** A person's id, or the promotion and rollback rules deciding on their own. */
export type TDeploymentActor = { type: "user"; id: string } | { type: "rules" };

/**
 * Appends one decision (or a step of a request) with the state it left and the numbers it was taken on: the
 * comparison for canary decisions, the replay's counts for blue/green ones.
 */
export async function recordDeploymentEvent(
  db: TDbOrTx,
  event: {
    /** Null only for a request's event while nothing is deployed in its environment. */
    deploymentId: string | null;
    requestId?: string;
    kind: TDeploymentEventKind;
    actor: TDeploymentActor;
    stableVersion: number;
    candidateVersion?: number | null;
    candidateShare?: number | null;
    reason: string;
    numbers?: TComparison | TReplayNumbers | null;
  },
): Promise<void> {
  await db.deploymentEvent.create({
    data: {
      deploymentId: event.deploymentId,
      requestId: event.requestId ?? null,
      kind: event.kind,
      actorType: event.actor.type,
      actorId: event.actor.type === "user" ? event.actor.id : null,
      stableVersion: event.stableVersion,
      candidateVersion: event.candidateVersion ?? null,
      candidateShare: event.candidateShare ?? null,
      reason: event.reason,
      // Plain numbers, strings and arrays (compare-arms.ts): JSON as it is.
      numbers: event.numbers ? (event.numbers as unknown as Prisma.InputJsonObject) : undefined,
    },
  });
}
