/** The token of an `Authorization: Bearer <token>` header (scheme case-insensitive), or undefined without one. */
export function readBearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header ?? "");
  return match?.[1];
}
