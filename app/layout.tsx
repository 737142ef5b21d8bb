import type { Metadata } from "next";
import { Providers } from "@/components/trpc/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "OpenClaw Studio",
  description: "Design AI agent systems as a node graph, run them durably, watch every step live.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
