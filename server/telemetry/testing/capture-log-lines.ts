// Every line the studio's logger writes, captured where pino writes it (the root logger's destination, which every
// child logger shares), at trace level so that nothing is filtered out, until `stop()` puts stdout and the level back.
import { pino } from "pino";
import { logger } from "../logger";

type TDestination = { write(line: string): unknown };

export function captureLogLines(): { lines: string[]; stop(): void } {
  const holder = logger as unknown as Record<symbol, TDestination>;
  const destination = holder[pino.symbols.streamSym]!;
  const level = logger.level;
  const lines: string[] = [];
  holder[pino.symbols.streamSym] = { write: (line) => lines.push(line) };
  logger.level = "trace";
  return {
    lines,
    stop() {
      holder[pino.symbols.streamSym] = destination;
      logger.level = level;
    },
  };
}
