import type { TGraphSpec } from "@/lib/graph";
import type { Prisma } from "./generated/client";

/** A validated graph spec is plain JSON (zod produced it from parsed JSON); Prisma's JSON input type cannot see that. */
export function toJsonColumn(spec: TGraphSpec): Prisma.InputJsonObject {
  return spec as unknown as Prisma.InputJsonObject;
}
