/**
 * Where a text stops being JSON, and why, in the same words in every browser (their JSON.parse messages differ and
 * some name no position). Only called after JSON.parse failed, so it only has to find the first mistake.
 */
export function locateJsonError(text: string): { offset: number; reason: string } | undefined {
  let at = 0;
  const fail = (reason: string): never => {
    throw new LocatedError(at, reason);
  };
  const skipSpace = () => {
    while (at < text.length && " \t\n\r".includes(text[at]!)) at++;
  };
  const ends = (where: string) => text[at] === undefined && fail(`The text ends ${where}`);

  const readString = () => {
    at++;
    for (;;) {
      ends("inside a string: a closing \" is missing");
      const char = text[at]!;
      if (char === '"') return void at++;
      if (char < " ") fail("A line break inside a string: write it as \\n");
      if (char === "\\") {
        const escape = text[at + 1];
        if (escape === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) at += 6;
        else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) at += 2;
        else fail("An invalid escape in a string");
        continue;
      }
      at++;
    }
  };
  const readSequence = (close: "}" | "]", readEntry: () => void) => {
    at++;
    skipSpace();
    if (text[at] === close) return void at++;
    for (;;) {
      readEntry();
      skipSpace();
      ends(`before the closing ${close}`);
      if (text[at] === close) return void at++;
      if (text[at] !== ",") fail(`Expected , or ${close} after ${close === "}" ? "a property value" : "a list item"}`);
      at++;
      skipSpace();
      if (text[at] === close) fail(`A comma before ${close}: remove it`);
    }
  };
  const readValue = (): void => {
    skipSpace();
    ends("where a value should be");
    const char = text[at]!;
    if (char === "{") {
      return readSequence("}", () => {
        skipSpace();
        if (text[at] !== '"') fail('Expected a property name in "double quotes"');
        readString();
        skipSpace();
        if (text[at] !== ":") fail("Expected : after the property name");
        at++;
        readValue();
      });
    }
    if (char === "[") return readSequence("]", readValue);
    if (char === '"') return readString();
    const number = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    number.lastIndex = at;
    const match = number.exec(text);
    if (match && match[0].length > 0 && match[0] !== "-") return void (at += match[0].length);
    const word = ["true", "false", "null"].find((candidate) => text.startsWith(candidate, at));
    if (word) return void (at += word.length);
    fail(`Unexpected ${char === "'" ? "' (JSON quotes with \")" : `"${char}"`}: expected a value (text in "quotes", a number, true, false, null, { or [)`);
  };

  try {
    readValue();
    skipSpace();
    if (at < text.length) fail("Unexpected text after the value");
    return undefined;
  } catch (error) {
    if (error instanceof LocatedError) return { offset: error.offset, reason: error.message };
    throw error;
  }
}

class LocatedError extends Error {
  constructor(
    readonly offset: number,
    reason: string,
  ) {
    super(reason);
  }
}
