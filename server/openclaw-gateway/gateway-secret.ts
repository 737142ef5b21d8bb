// The workspace secret that names a gateway: JSON `{"url": "wss://gateway.example:18789", "token": "..."}`. One
// secret holds both, so the URL (which may carry a private host) is as protected as the token.
import { z } from "zod";
import { AppError } from "../app-error";

const ZGatewaySecret = z.object({ url: z.string().regex(/^wss?:\/\//i, "url must start with ws:// or wss://").max(2_048), token: z.string().min(1).max(4_096) }).strict();
export type TGatewaySecret = z.infer<typeof ZGatewaySecret>;

export function parseGatewaySecret(secretName: string, value: string): TGatewaySecret {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new AppError("BAD_REQUEST", `Secret ${secretName} is not JSON: it must hold {"url": "ws://host:port", "token": "<gateway token>"}`);
  }
  const parsed = ZGatewaySecret.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("BAD_REQUEST", `Secret ${secretName} must hold {"url": "ws://host:port", "token": "<gateway token>"}: ${issue?.path.join(".") || "value"} ${issue?.message ?? "is invalid"}`);
  }
  return parsed.data;
}
