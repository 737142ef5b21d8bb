"use client";

import { problemsForField, type TConfigPath } from "./config-values";
import { ConfigField } from "./config-field";
import { FieldControl, isLeafField } from "./field-control";
import { FieldFrame } from "./field-frame";
import type { TFieldModel } from "./field-model";
import { useFormContext } from "./form-context";
import styles from "./config-form.module.css";

type TListField = Extract<TFieldModel, { kind: "list" }>;

/**
 * An array as a repeatable group: one numbered group per item (remove, move up or down) and one button per kind of
 * item the node type offers ("Add a message turn", "Add a tool-call turn"). Each change is one undo step.
 */
export function ListField({ field, path, value }: { field: TListField; path: TConfigPath; value: unknown }) {
  const context = useFormContext();
  const items = Array.isArray(value) ? value : [];
  const commitItems = (next: unknown[]) => context.commit(path, next);
  return (
    <FieldFrame field={field} path={path} claimed={items.map((_item, index) => [...path, index])} isGroup>
      {() => (
        <>
          {items.map((item, index) => (
            <ListItem key={index} field={field} path={[...path, index]} value={item} index={index} count={items.length} onMove={(to) => commitItems(move(items, index, to))} onRemove={() => commitItems(items.filter((_entry, at) => at !== index))} />
          ))}
          {!context.isReadOnly && (
            <div className={styles.addRow}>
              {field.addItems.map((option) => (
                <button key={option.label} type="button" className={styles.addButton} onClick={() => commitItems([...items, structuredClone(option.value)])}>
                  {option.label}
                </button>
              ))}
            </div>
          )}
        </>
      )}
    </FieldFrame>
  );
}

function ListItem(props: { field: TListField; path: TConfigPath; value: unknown; index: number; count: number; onMove: (to: number) => void; onRemove: () => void }) {
  const { field, path, value, index } = props;
  const context = useFormContext();
  const title = `${field.itemTitle} ${index + 1}`;
  const item = field.item;
  const claimed = item.kind === "object" ? item.fields.map((child) => [...path, child.key]) : [path];
  const problems = problemsForField(context.problems, path, claimed);
  return (
    <fieldset className={styles.item} data-testid="list-item">
      <legend className={styles.itemTitle}>{title}</legend>
      {!context.isReadOnly && (
        <div className={styles.itemActions}>
          <button type="button" aria-label={`Move ${title} up`} disabled={index === 0} onClick={() => props.onMove(index - 1)}>↑</button>
          <button type="button" aria-label={`Move ${title} down`} disabled={index === props.count - 1} onClick={() => props.onMove(index + 1)}>↓</button>
          <button type="button" aria-label={`Remove ${title}`} onClick={props.onRemove}>Remove</button>
        </div>
      )}
      {problems.length > 0 && (
        <ul className={styles.errors} data-testid="field-error">
          {problems.map((problem, at) => <li key={at}>{problem.message}</li>)}
        </ul>
      )}
      {item.kind === "object" ? (
        item.fields.map((child) => <ConfigField key={child.key} field={child} path={[...path, child.key]} value={(value as Record<string, unknown> | undefined)?.[child.key]} />)
      ) : isLeafField(item) ? (
        <FieldFrame field={{ ...item, label: title }} path={path}>
          {(control) => <FieldControl field={item} control={control} path={path} value={value} isReadOnly={context.isReadOnly} onCommit={(next) => context.commit(path, next)} />}
        </FieldFrame>
      ) : (
        <ConfigField field={item} path={path} value={value} />
      )}
    </fieldset>
  );
}

function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}
