import type { TComparisonView } from "./deployment-types";
import { comparisonRows } from "./format-comparison";
import styles from "./deployments.module.css";

/** Stable vs candidate over the canary window, the rules' verdict, and each side's most frequent errors. */
export function CanaryComparison({ comparison }: { comparison: TComparisonView }) {
  const { numbers, verdict, candidateVersion } = comparison;
  const errors = [
    ...numbers.stable.topErrors.map((error) => ({ ...error, side: `v${comparison.stableVersion}` })),
    ...numbers.candidate.topErrors.map((error) => ({ ...error, side: `v${candidateVersion}` })),
  ];
  return (
    <div className={styles.comparison}>
      <table className={styles.table} aria-label="Comparison">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">stable v{comparison.stableVersion}</th>
            {candidateVersion !== null && <th scope="col">candidate v{candidateVersion}</th>}
          </tr>
        </thead>
        <tbody>
          {comparisonRows(numbers.stable, numbers.candidate).map(([label, stable, candidate]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{stable}</td>
              {candidateVersion !== null && <td>{candidate}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {verdict && <p className={styles.muted} data-testid="canary-verdict">Rules: {verdict.reason}</p>}
      {errors.length > 0 && (
        <ul className={styles.errors} aria-label="Top errors">
          {errors.map((error) => <li key={`${error.side}-${error.code}-${error.message}`}>{error.side}: {error.code} ×{error.count} {error.message}</li>)}
        </ul>
      )}
    </div>
  );
}
