import styles from "./ui.module.css";

export function Alert({ tone = "error", children }: { tone?: "error" | "warning"; children: React.ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`${styles.alert} ${tone === "error" ? styles.alertError : styles.alertWarning}`}>
      {children}
    </div>
  );
}

export function Badge({ children, title }: { children: React.ReactNode; title?: string }) {
  return (
    <span className={styles.badge} title={title}>
      {children}
    </span>
  );
}
