import { describe, expect, it } from "vitest";
import { createStudioClipboard, type TSystemClipboard } from "./studio-clipboard";

/** A browser clipboard as Chromium behaves without the clipboard-read permission: writes work, reads are refused. */
function writeOnlyClipboard(): TSystemClipboard & { held: string } {
  const clipboard = {
    held: "",
    writeText: async (text: string) => void (clipboard.held = text),
    readText: async () => Promise.reject(new DOMException("Read permission denied.", "NotAllowedError")),
  };
  return clipboard;
}

const refusingClipboard: TSystemClipboard = {
  writeText: async () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")),
  readText: async () => Promise.reject(new DOMException("Read permission denied.", "NotAllowedError")),
};

describe("the studio clipboard", () => {
  it("uses the system clipboard both ways when the browser permits it", async () => {
    let held = "";
    const clipboard = createStudioClipboard(() => ({ writeText: async (text) => void (held = text), readText: async () => held }));
    expect(await clipboard.write("nodes")).toEqual({ where: "system" });
    held = "copied in another program";
    expect(await clipboard.read()).toEqual({ from: "system", text: "copied in another program" });
  });

  it("keeps the copy and says why when the system clipboard refuses the write", async () => {
    const clipboard = createStudioClipboard(() => refusingClipboard);
    expect(await clipboard.write("nodes")).toEqual({ where: "studio", reason: "the browser did not give this page permission" });
    expect(await clipboard.read()).toEqual({ from: "studio", text: "nodes", reason: "the system clipboard was not available when you copied: the browser did not give this page permission" });
  });

  it("pastes its own copy and says why when the system clipboard cannot be read", async () => {
    const system = writeOnlyClipboard();
    const clipboard = createStudioClipboard(() => system);
    expect(await clipboard.write("nodes")).toEqual({ where: "system" });
    expect(system.held).toBe("nodes");
    expect(await clipboard.read()).toEqual({ from: "studio", text: "nodes", reason: "the system clipboard cannot be read: the browser did not give this page permission" });
  });

  it("works without any clipboard API (a page that is not https or localhost), and says when there is nothing to paste", async () => {
    const clipboard = createStudioClipboard(() => undefined);
    expect(await clipboard.read()).toEqual({ from: "nowhere", reason: expect.stringMatching(/^the system clipboard cannot be read \(this page has no clipboard access .*\) and nothing was copied in the studio yet$/) });
    expect(await clipboard.write("nodes")).toEqual({ where: "studio", reason: expect.stringContaining("https or localhost") });
    expect(await clipboard.read()).toMatchObject({ from: "studio", text: "nodes" });
  });

  it("reads a copy still being written to the system clipboard from the studio's own copy", async () => {
    let finishWrite = () => {};
    const clipboard = createStudioClipboard(() => ({ writeText: () => new Promise<void>((resolve) => (finishWrite = resolve)), readText: async () => "older text" }));
    void clipboard.write("nodes");
    const reading = clipboard.read();
    finishWrite();
    expect(await reading).toEqual({ from: "system", text: "older text" });
  });
});
