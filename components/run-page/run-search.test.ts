import { describe, expect, it } from "vitest";
import { parseRunSearch } from "./run-search";

const now = new Date(2026, 4, 3, 15, 30);
const localDay = (year: number, month: number, date: number) => new Date(year, month - 1, date).toISOString();

describe("parseRunSearch", () => {
  it("reads a run number with or without #", () => {
    expect(parseRunSearch("#12", now)).toEqual({ number: 12, unknown: [] });
    expect(parseRunSearch(" 12 ", now)).toEqual({ number: 12, unknown: [] });
    expect(parseRunSearch("#0", now)).toEqual({ unknown: ["#0"] });
  });

  it("reads statuses by their start, a day by date or by name, and several words together", () => {
    expect(parseRunSearch("fail", now)).toEqual({ statuses: ["failed"], unknown: [] });
    expect(parseRunSearch("Succeeded cancelled", now)).toEqual({ statuses: ["succeeded", "cancelled"], unknown: [] });
    expect(parseRunSearch("2026-05-01", now)).toEqual({ createdAfter: localDay(2026, 5, 1), createdBefore: localDay(2026, 5, 2), unknown: [] });
    expect(parseRunSearch("yesterday, failed", now)).toEqual({ statuses: ["failed"], createdAfter: localDay(2026, 5, 2), createdBefore: localDay(2026, 5, 3), unknown: [] });
    expect(parseRunSearch("today", now)).toMatchObject({ createdAfter: localDay(2026, 5, 3), createdBefore: localDay(2026, 5, 4) });
  });

  it("hands back the words it does not understand, an impossible date among them", () => {
    expect(parseRunSearch("failed lastweek 2026-02-30", now)).toEqual({ statuses: ["failed"], unknown: ["lastweek", "2026-02-30"] });
  });
});
