import type { ButtonHTMLAttributes } from "react";
import styles from "./ui.module.css";

type TButtonVariant = "default" | "primary" | "danger" | "dangerSolid" | "ghost";

export function Button({ variant = "default", className, type = "button", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: TButtonVariant }) {
  const variantClass = variant === "default" ? "" : styles[variant];
  return <button type={type} className={[styles.button, variantClass, className].filter(Boolean).join(" ")} {...props} />;
}
