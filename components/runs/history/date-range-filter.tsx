import { Field } from "../../ui/text-input";
import { RANGE_PRESETS, type TRangePreset } from "./history-filter";
import styles from "./history.module.css";

const PRESET_LABELS: Record<TRangePreset, string> = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days" };

/** A window ending now, or a custom start and end (entered in local time, kept as UTC instants). */
export function DateRangeFilter(props: {
  range: TRangePreset | undefined;
  from: string | undefined;
  to: string | undefined;
  onChange: (value: { range: TRangePreset | undefined; from: string | undefined; to: string | undefined }) => void;
}) {
  const isCustom = !props.range && (props.from !== undefined || props.to !== undefined);
  const choice = props.range ?? (isCustom ? "custom" : "");
  return (
    <>
      <Field label="Time">
        <select
          className={styles.select}
          value={choice}
          onChange={(event) => {
            const value = event.target.value;
            if (value === "custom") props.onChange({ range: undefined, from: new Date(Date.now() - RANGE_PRESETS["24h"]).toISOString(), to: undefined });
            else props.onChange({ range: value ? (value as TRangePreset) : undefined, from: undefined, to: undefined });
          }}
        >
          <option value="">Any time</option>
          {Object.entries(PRESET_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
          <option value="custom">Custom range</option>
        </select>
      </Field>
      {isCustom && (
        <>
          <Field label="From">
            <input className={styles.select} type="datetime-local" value={toLocalInput(props.from)} onChange={(event) => props.onChange({ range: undefined, from: fromLocalInput(event.target.value), to: props.to })} />
          </Field>
          <Field label="To">
            <input className={styles.select} type="datetime-local" value={toLocalInput(props.to)} onChange={(event) => props.onChange({ range: undefined, from: props.from, to: fromLocalInput(event.target.value) })} />
          </Field>
        </>
      )}
    </>
  );
}

function toLocalInput(instant: string | undefined): string {
  if (!instant) return "";
  const date = new Date(instant);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function fromLocalInput(value: string): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}
