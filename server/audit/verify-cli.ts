// `npm run audit:verify`: checks every audit chain of the studio's database (DATABASE_URL, else the embedded one:
// the running studio's, or started here when the studio is stopped). Prints one line per chain and exits 1 when any
// chain is broken, naming the record.
import pg from "pg";
import { connectDb, db, disconnectDb } from "../db/client";
import { embeddedDatabaseUrl, startEmbeddedPostgres, type TEmbeddedDatabase } from "../db/embedded-postgres";
import { env } from "../env";
import { verifyAuditChain } from "./verify-audit-chain";

async function openDatabase(): Promise<{ url: string; embedded?: TEmbeddedDatabase }> {
  const config = env();
  if (config.DATABASE_URL) return { url: config.DATABASE_URL };
  const url = embeddedDatabaseUrl(config.EMBEDDED_PG_PORT);
  const probe = new pg.Client({ connectionString: url });
  const isRunning = await probe.connect().then(
    () => true,
    () => false,
  );
  await probe.end().catch(() => undefined);
  if (isRunning) return { url };
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.EMBEDDED_PG_PORT });
  return { url: embedded.url, embedded };
}

async function main(): Promise<number> {
  const { url, embedded } = await openDatabase();
  connectDb(url);
  try {
    const chains = await db().auditChainHead.findMany({ select: { chain: true }, orderBy: { chain: "asc" } });
    let broken = 0;
    for (const { chain } of chains) {
      const verdict = await verifyAuditChain(db(), chain);
      const name = chain === "" ? "account events" : `workspace ${chain}`;
      if (verdict.ok) console.log(`ok      ${name}: ${verdict.checked} records`);
      else {
        broken++;
        console.log(`BROKEN  ${name}: ${verdict.problem} (record ${verdict.seq}${verdict.eventId ? `, id ${verdict.eventId}` : ""}; ${verdict.checked} records before it are intact)`);
      }
    }
    if (chains.length === 0) console.log("No audit records yet.");
    return broken > 0 ? 1 : 0;
  } finally {
    await disconnectDb();
    if (embedded) {
      embedded.expectShutdown();
      await embedded.stop();
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
