import { redirect } from "next/navigation";
import { WorkspaceRedirect } from "@/components/workspace/workspace-redirect";
import { hasSessionCookie } from "./has-session-cookie";

export default async function HomePage() {
  if (!(await hasSessionCookie())) redirect("/signin");
  return <WorkspaceRedirect />;
}
