import { createHash } from "node:crypto";

export type TArm = "stable" | "candidate";

/** Shares are whole percentages; the hash picks one of 10,000 buckets so a share of 1 % is 100 of them. */
const BUCKETS = 10_000;

/**
 * Which side of a canary a delivery goes to: a pure function of the deployment, the delivery id and the share, so a
 * retried delivery (same id) lands on the same version in every process, and a share of s % sends s % of the ids to
 * the candidate. The deployment id salts the hash so that one delivery id is not always candidate in every canary.
 */
export function pickArm(options: { deploymentId: string; deliveryId: string; candidateShare: number | null }): TArm {
  const { candidateShare } = options;
  if (!candidateShare || candidateShare <= 0) return "stable";
  const digest = createHash("sha256").update(`${options.deploymentId}\u0000${options.deliveryId}`).digest();
  return digest.readUInt32BE(0) % BUCKETS < candidateShare * (BUCKETS / 100) ? "candidate" : "stable";
}
