import { describe, expect, it } from "vitest";
import { parseJsonText } from "./parse-json-text";

describe("parseJsonText", () => {
  it("reads JSON, and empty text as no value", () => {
    expect(parseJsonText('{ "a": [1, 2] }')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(parseJsonText("  \n")).toEqual({ ok: true, value: undefined });
  });

  it("locates a mistake by line and column, with the offset to mark", () => {
    const text = '{\n  "type": "object",\n  "required": ["text"]\n  "properties": {}\n}';
    const result = parseJsonText(text);
    if (result.ok) throw new Error("should not parse");
    expect(result.error).toMatchObject({ line: 4, column: 3, offset: text.indexOf('"properties"') });
    expect(result.error.message).toBe("line 4, column 3: Expected , or } after a property value");
  });

  it("words the usual mistakes plainly", () => {
    const reasons = ["{ a: 1 }", "{ 'a': 1 }", '{ "a": 1, }', '["a" "b"]', '{ "a": "x', "[1] 2", '{ "a": -}'].map((text) => {
      const result = parseJsonText(text);
      return result.ok ? "parsed" : result.error.message;
    });
    expect(reasons).toEqual([
      'line 1, column 3: Expected a property name in "double quotes"',
      'line 1, column 3: Expected a property name in "double quotes"',
      "line 1, column 11: A comma before }: remove it",
      "line 1, column 6: Expected , or ] after a list item",
      'line 1, column 10: The text ends inside a string: a closing " is missing',
      "line 1, column 5: Unexpected text after the value",
      'line 1, column 8: Unexpected "-": expected a value (text in "quotes", a number, true, false, null, { or [)',
    ]);
  });

  it("puts a text that ends too early at its end", () => {
    const result = parseJsonText('{ "a": ');
    if (result.ok) throw new Error("should not parse");
    expect(result.error).toMatchObject({ line: 1, column: 8, offset: 7 });
    expect(result.error.message).toBe("line 1, column 8: The text ends where a value should be");
  });
});
