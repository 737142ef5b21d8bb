import { AccountPage } from "@/components/account/account-page";

export const metadata = { title: "Account · OpenClaw Studio" };

export default function AccountRoute() {
  return <AccountPage />;
}
