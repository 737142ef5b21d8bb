// Where imported nodes stand: one column per role, read left to right the way a message travels (channel -> binding
// -> agent), with what describes the whole gateway on the right. Rows are 200 px apart, a card plus its run area.

const COLUMN_X = { channel: 0, binding: 260, hook: 260, agent: 520, mcpServer: 780, plugin: 780, setting: 1040, file: 1300 } as const;
const ROW_HEIGHT = 200;

export type TLayoutColumn = keyof typeof COLUMN_X;

/** Hands out positions column by column, in the order nodes are added. */
export function createColumnLayout() {
  const rows = new Map<number, number>();
  return (column: TLayoutColumn) => {
    const x = COLUMN_X[column];
    const row = rows.get(x) ?? 0;
    rows.set(x, row + 1);
    return { x, y: row * ROW_HEIGHT };
  };
}
