import styles from "./sign-in.module.css";

/** The centred card of the pages a person sees before or while signing in (sign-in, sign-up, invitation, reset). */
export function AuthCard({ title, lead, children }: { title: string; lead?: React.ReactNode; children?: React.ReactNode }) {
  return (
    <main className={styles.page}>
      <section className={styles.card} aria-labelledby="auth-card-title">
        <div className={styles.brand}>
          <h1 id="auth-card-title">{title}</h1>
          {lead && <p>{lead}</p>}
        </div>
        {children}
      </section>
    </main>
  );
}
