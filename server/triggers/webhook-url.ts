export const WEBHOOK_PATH_PREFIX = "/api/hooks/";

/** The URL a sender posts to; built from PUBLIC_URL, so it is right behind a proxy. */
export function webhookUrl(publicUrl: string, token: string): string {
  return `${publicUrl}${WEBHOOK_PATH_PREFIX}${token}`;
}
