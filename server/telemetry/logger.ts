import { pino } from "pino";
import { env } from "../env";
import { redactLiveSecrets, rememberConfiguredSecrets } from "../secrets/live-secrets";

const config = env();
rememberConfiguredSecrets(config);

/**
 * JSON logs on stdout. Child loggers carry context such as `runId` or `socketId` (run lines: run-telemetry.ts). Every
 * line passes the process-wide secret redactor as it is written, so no secret value the process holds reaches the
 * output (secrets/live-secrets.ts). The destination is the process.stdout stream (synchronous for files and pipes, as
 * pino's own destination is), which is also what a test of the process's output reads.
 */
export const logger = pino(
  {
    level: config.LOG_LEVEL,
    base: { service: "studio" },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Credentials never reach a log line, whatever object carries them (API keys travel in `authorization`).
    redact: {
      paths: ["password", "*.password", "passwordHash", "*.passwordHash", "cookie", "*.cookie", "authorization", "*.authorization", "*.headers.authorization"],
      remove: true,
    },
    hooks: { streamWrite: redactLiveSecrets },
  },
  process.stdout,
);
