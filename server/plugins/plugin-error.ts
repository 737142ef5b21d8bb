/** A plugin that cannot be installed or loaded, with a reason an admin can act on. */
export type TPluginErrorCode =
  | "INVALID_MANIFEST"
  | "BAD_ARCHIVE"
  | "UNSIGNED"
  | "BAD_SIGNATURE"
  | "UNTRUSTED_KEY"
  | "FILES_CHANGED"
  | "UNSAFE_FILE"
  | "TOO_LARGE"
  | "DOWNGRADE"
  | "NOT_PERMITTED";

export class PluginError extends Error {
  override name = "PluginError";
  constructor(
    readonly code: TPluginErrorCode,
    message: string,
  ) {
    super(message);
  }
}
