import { describe, expect, it } from "vitest";
import { applySettingsField, SETTINGS_FIELDS, toFieldText } from "./graph-settings-fields";

const field = (key: string) => SETTINGS_FIELDS.find((candidate) => candidate.key === key)!;

describe("graph settings fields", () => {
  it("stores the timeout typed in seconds as milliseconds, and shows it in seconds again", () => {
    const result = applySettingsField({ maxSteps: 50 }, field("runTimeoutMs"), "2.5");
    expect(result).toEqual({ settings: { maxSteps: 50, runTimeoutMs: 2_500 } });
    expect(toFieldText({ runTimeoutMs: 2_500 }, field("runTimeoutMs"))).toBe("2.5");
  });

  it("unsets a field left empty and keeps the others", () => {
    expect(applySettingsField({ tokenBudget: 300, costBudgetUsd: 0.5 }, field("tokenBudget"), " ")).toEqual({ settings: { costBudgetUsd: 0.5 } });
  });

  it("refuses what a run would refuse, naming the field", () => {
    expect(applySettingsField({}, field("maxSteps"), "1.5")).toEqual({ error: "Max steps: enter a whole number" });
    expect(applySettingsField({}, field("tokenBudget"), "-3")).toMatchObject({ error: expect.stringContaining("Token budget: enter a number above 0") });
    expect(applySettingsField({}, field("runTimeoutMs"), "0.5")).toEqual({ error: "Run timeout (seconds): at least 1 second" });
    expect(applySettingsField({}, field("maxSteps"), "2000000")).toMatchObject({ error: expect.stringMatching(/^Max steps: /) });
    expect(applySettingsField({}, field("costBudgetUsd"), "0.25")).toEqual({ settings: { costBudgetUsd: 0.25 } });
  });
});
