import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type TDb = PrismaClient;
export type TTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
/** A service accepts either the client or an open transaction. */
export type TDbOrTx = TDb | TTx;

let client: PrismaClient | undefined;

/** Connects the process-wide Prisma client. Called once at start-up (server/main.ts) and by test setup. */
export function connectDb(databaseUrl: string): PrismaClient {
  if (client) throw new Error("The database client is already connected");
  client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
  return client;
}

export function db(): PrismaClient {
  if (!client) throw new Error("The database client is not connected yet (connectDb was not called)");
  return client;
}

export async function disconnectDb(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}
