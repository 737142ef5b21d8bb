// The run history's keyset position: the last row's (createdAt, id). It names no run, so a cursor from another
// workspace reveals nothing and needs no lookup.
export type TRunCursor = { createdAt: Date; id: string };

const CURSOR_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~([A-Za-z0-9_-]{1,64})$/;

export function encodeRunCursor(cursor: TRunCursor): string {
  return `${cursor.createdAt.toISOString()}~${cursor.id}`;
}

export function decodeRunCursor(text: string): TRunCursor | undefined {
  const match = CURSOR_PATTERN.exec(text);
  if (!match) return undefined;
  const createdAt = new Date(match[1]!);
  return Number.isNaN(createdAt.getTime()) ? undefined : { createdAt, id: match[2]! };
}
