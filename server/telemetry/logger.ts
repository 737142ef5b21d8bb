import { pino } from "pino";
import { env } from "../env";

/** JSON logs on stdout. Child loggers carry context such as `runId` or `socketId`. */
export const logger = pino({
  level: env().LOG_LEVEL,
  base: { service: "studio" },
  timestamp: pino.stdTimeFunctions.isoTime,
  // Credentials never reach a log line, whatever object carries them (API keys travel in `authorization`).
  redact: {
    paths: ["password", "*.password", "passwordHash", "*.passwordHash", "cookie", "*.cookie", "authorization", "*.authorization", "*.headers.authorization"],
    remove: true,
  },
});
