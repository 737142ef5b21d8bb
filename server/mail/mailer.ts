// Outgoing mail. The studio mails only when SMTP_URL is set; main.ts builds the mailer and hands it to the tRPC context,
// so tests can point it at a local SMTP server without touching the environment.
import nodemailer from "nodemailer";

export type TMailMessage = { to: string; subject: string; text: string };

export type TMailer = { send(message: TMailMessage): Promise<void> };

/** Sends through the SMTP server of `url` (`smtp://user:pass@host:port`, `smtps://` for TLS from the first byte). */
export function createSmtpMailer(options: { url: string; from: string }): TMailer {
  const transport = nodemailer.createTransport(options.url);
  return {
    async send(message) {
      await transport.sendMail({ from: options.from, ...message });
    },
  };
}
