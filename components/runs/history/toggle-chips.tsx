import styles from "./history.module.css";

/** A multi-select as toggle buttons: none pressed means "any". */
export function ToggleChips<T extends string>(props: { legend: string; options: readonly T[]; selected: readonly T[]; onChange: (selected: T[]) => void }) {
  const toggle = (option: T) =>
    props.onChange(props.selected.includes(option) ? props.selected.filter((value) => value !== option) : props.options.filter((value) => value === option || props.selected.includes(value)));
  return (
    <fieldset className={styles.chips}>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <button key={option} type="button" className={styles.chip} aria-pressed={props.selected.includes(option)} onClick={() => toggle(option)}>
          {option}
        </button>
      ))}
    </fieldset>
  );
}
