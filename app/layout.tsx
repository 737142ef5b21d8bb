import type { Metadata } from "next";
import { connection } from "next/server";
import { Providers } from "@/components/trpc/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "OpenClaw Studio",
  description: "Design AI agent systems as a node graph, run them durably, watch every step live.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: Next puts the request's CSP nonce (server/http/security-headers.ts) on its scripts,
  // and a page prerendered at build time would carry no nonce, so its scripts would be refused.
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
