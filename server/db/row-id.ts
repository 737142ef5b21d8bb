// Ids for rows inserted without Prisma, in the shape of the cuids Prisma gives the others: 25 characters, `c`, the
// time in base 36, a per-process counter and 12 random base-36 characters, so they sort roughly by creation.
import { randomBytes } from "node:crypto";

let counter = 0;

export function newRowId(): string {
  counter = (counter + 1) % 36 ** 4;
  const random = randomBytes(12).reduce((text, byte) => text + (byte % 36).toString(36), "");
  return `c${Date.now().toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${random}`;
}
