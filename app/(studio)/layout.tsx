import { redirect } from "next/navigation";
import { StudioHeader } from "@/components/workspace/studio-header";
import { hasSessionCookie } from "../has-session-cookie";

export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  if (!(await hasSessionCookie())) redirect("/signin");
  return (
    <>
      <StudioHeader />
      {children}
    </>
  );
}
