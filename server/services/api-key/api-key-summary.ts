import type { TRole } from "@/lib/auth/access-rights";
import type { Prisma } from "../../db/generated/client";

/** What lists show of a key: never its hash, and the key itself only once, in create's answer. */
export const API_KEY_SUMMARY_SELECT = {
  id: true,
  name: true,
  role: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  graph: { select: { id: true, name: true } },
  createdBy: { select: { name: true, email: true } },
} satisfies Prisma.ApiKeySelect;

type TApiKeyRow = Prisma.ApiKeyGetPayload<{ select: typeof API_KEY_SUMMARY_SELECT }>;

export type TApiKeySummary = {
  id: string;
  name: string;
  role: TRole;
  prefix: string;
  graph: { id: string; name: string } | null;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

export function toApiKeySummary(row: TApiKeyRow): TApiKeySummary {
  const { createdBy, ...key } = row;
  return { ...key, createdBy: createdBy.name ?? createdBy.email };
}
