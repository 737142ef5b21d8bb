import type { InputHTMLAttributes } from "react";
import styles from "./ui.module.css";

export function TextInput({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={[styles.input, className].filter(Boolean).join(" ")} {...props} />;
}

export function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className={styles.label}>
      <span>{label}</span>
      {children}
    </label>
  );
}
