/**
 * The system clipboard when the browser permits it, and the studio's own clipboard always: the newest copy of this tab
 * stays here, so a paste works when the browser refuses the system clipboard (no permission, a page that is not
 * https or localhost). Every outcome says where the text went or came from and why, for the editor to show.
 */

export type TSystemClipboard = { writeText(text: string): Promise<void>; readText(): Promise<string> };

export type TWriteOutcome = { where: "system" } | { where: "studio"; reason: string };
export type TReadOutcome =
  | { from: "system"; text: string }
  /** The newest studio copy, read here because the system clipboard could not be used. */
  | { from: "studio"; text: string; reason: string }
  | { from: "nowhere"; reason: string };

export type TStudioClipboard = { write(text: string): Promise<TWriteOutcome>; read(): Promise<TReadOutcome> };

const UNAVAILABLE = "this page has no clipboard access (the browser offers it only on https or localhost pages)";

/** The browser's reason in plain words: a refusal is a permission matter the user can change. */
export function describeClipboardError(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "NotAllowedError") return "the browser did not give this page permission";
  if (name === "SecurityError") return "the browser does not allow it on this page";
  if (name === "NotFocusedError" || (error instanceof Error && /not focused/i.test(error.message))) return "the page did not have the focus";
  return error instanceof Error && error.message ? error.message : String(error);
}

export function createStudioClipboard(getSystem: () => TSystemClipboard | undefined): TStudioClipboard {
  let held: { text: string; writing: Promise<TWriteOutcome> } | undefined;

  const writeToSystem = async (text: string): Promise<TWriteOutcome> => {
    const system = getSystem();
    if (!system) return { where: "studio", reason: UNAVAILABLE };
    try {
      await system.writeText(text);
      return { where: "system" };
    } catch (error) {
      return { where: "studio", reason: describeClipboardError(error) };
    }
  };

  return {
    write(text) {
      const writing = writeToSystem(text);
      held = { text, writing };
      return writing;
    },

    async read() {
      const newest = held;
      // A copy that only reached the studio is newer than whatever the system clipboard holds.
      const written = await newest?.writing;
      if (newest && written?.where === "studio") return { from: "studio", text: newest.text, reason: `the system clipboard was not available when you copied: ${written.reason}` };
      const system = getSystem();
      let reason = UNAVAILABLE;
      if (system) {
        try {
          return { from: "system", text: await system.readText() };
        } catch (error) {
          reason = describeClipboardError(error);
        }
      }
      if (newest) return { from: "studio", text: newest.text, reason: `the system clipboard cannot be read: ${reason}` };
      return { from: "nowhere", reason: `the system clipboard cannot be read (${reason}) and nothing was copied in the studio yet` };
    },
  };
}

/** This tab's clipboard: shared by every graph opened in it, so nodes copied in one graph paste into another. */
export const studioClipboard = createStudioClipboard(() => (typeof navigator === "undefined" ? undefined : navigator.clipboard));
