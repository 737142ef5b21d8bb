import { pino } from "pino";
import { env } from "../env";

/** JSON logs on stdout. Child loggers carry context such as `runId` or `socketId`. */
export const logger = pino({
  level: env().LOG_LEVEL,
  base: { service: "studio" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "cookie", "*.cookie"], remove: true },
});
