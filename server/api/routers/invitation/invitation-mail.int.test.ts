import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpMailer } from "../../../mail/mailer";
import { createWorkspaceWithMembers } from "../../../testing/factories";
import { callerFor } from "../../../testing/trpc-callers";
import { createCaller } from "../../root";
import { createInnerContext } from "../../trpc";

type TReceived = { from: string; to: string[]; raw: string };

// A real SMTP server on a free loopback port: the mail goes through nodemailer and the SMTP protocol, not a stub.
const received: TReceived[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const envelope = session.envelope;
        received.push({ from: envelope.mailFrom ? envelope.mailFrom.address : "", to: envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Quoted-printable soft line breaks split long lines; undo them to read the link whole. */
function bodyOf(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
}

describe("invitation mail", () => {
  it("mails the link through SMTP when mail is configured, and the mailed link works", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: "Studio <studio@example.test>" });
    const owner = createCaller(createInnerContext({ user: members.owner, mailer }));
    const email = `mailed-${Date.now()}@example.test`;

    const created = await owner.invitation.create({ workspaceId: workspace.id, email, role: "operator" });
    expect(created.mail).toEqual({ status: "sent" });

    const mail = received.find((message) => message.to.includes(email));
    expect(mail?.from).toBe("studio@example.test");
    const body = bodyOf(mail!.raw);
    expect(body).toContain(`Subject: Join ${workspace.slug.replace("ws-", "Workspace ")} on OpenClaw Studio`);
    const link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/.exec(body)?.[0];
    expect(link).toBe(created.link);

    const token = link!.slice(link!.lastIndexOf("/") + 1);
    const joined = await callerFor(null).invitation.acceptAsNewUser({ token, name: "Mailed", password: "velvet-otter-crosses-9-fjords" });
    expect(joined).toEqual({ workspaceSlug: workspace.slug, email });
  });

  it("keeps the invitation and says why when the SMTP server cannot be reached", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const mailer = createSmtpMailer({ url: "smtp://127.0.0.1:1", from: "studio@example.test" });
    const created = await createCaller(createInnerContext({ user: members.owner, mailer })).invitation.create({ workspaceId: workspace.id, email: "unmailed@example.test", role: "viewer" });
    expect(created.mail.status).toBe("failed");
    expect(created.mail.status === "failed" ? created.mail.reason : "").toMatch(/ECONNREFUSED/);
    expect(created.invitation.state).toBe("pending");
  });
});
