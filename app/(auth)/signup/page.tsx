import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata = { title: "Create an account · OpenClaw Studio" };

export default function SignUpPage() {
  return <SignUpForm />;
}
