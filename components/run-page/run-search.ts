// The compare picker's search box: what a person types ("#12", "12", "failed", "2026-05-01", "yesterday", or several
// of them) as a run.list filter over one graph's runs. Pure, so every reading is tested.
import { RUN_STATUSES, type TRunStatus } from "@/server/runtime/statuses";

export type TRunSearch = {
  number?: number;
  statuses?: TRunStatus[];
  /** ISO instants bounding the day asked for, in the browser's time zone. */
  createdAfter?: string;
  createdBefore?: string;
  /** Words that are none of the above, to tell the person. */
  unknown: string[];
};

const NUMBER = /^#?(\d{1,9})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Each word narrows the search: a number picks that run, a status (or its start) and a day narrow the list. */
export function parseRunSearch(text: string, now: Date): TRunSearch {
  const search: TRunSearch = { unknown: [] };
  for (const word of text.toLowerCase().split(/[\s,]+/).filter(Boolean)) {
    const number = NUMBER.exec(word);
    const statuses = RUN_STATUSES.filter((status) => status.startsWith(word));
    const day = readDay(word, now);
    if (number && Number(number[1]) > 0) search.number = Number(number[1]);
    else if (statuses.length > 0) search.statuses = [...new Set([...(search.statuses ?? []), ...statuses])];
    else if (day) Object.assign(search, { createdAfter: day.toISOString(), createdBefore: nextDay(day).toISOString() });
    else search.unknown.push(word);
  }
  return search;
}

/** Local midnight of "today", "yesterday" or a YYYY-MM-DD date, or undefined. */
function readDay(word: string, now: Date): Date | undefined {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (word === "today") return today;
  if (word === "yesterday") return new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  const match = DAY.exec(word);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = new Date(year, month - 1, date);
  return day.getMonth() === month - 1 && day.getDate() === date ? day : undefined;
}

function nextDay(day: Date): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
}
