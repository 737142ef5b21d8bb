import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import * as tar from "tar";
import { PluginError } from "../plugin-error";

const MAX_ARCHIVE_BYTES = 20 * 1024 * 1024;
const MAX_ENTRIES = 1_000;
const GZIP_MAGIC = [0x1f, 0x8b];
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Packs a plugin folder into a gzipped tarball of plain files (no owners, no modes beyond the default). */
export async function packPluginFolder(dir: string, outFile: string): Promise<void> {
  await tar.c({ gzip: true, cwd: dir, file: outFile, portable: true, noDirRecurse: false }, readdirSync(dir));
}

/**
 * Extracts an uploaded .tgz into a fresh temporary folder and returns it. Only regular files and folders are taken:
 * links, devices and paths that climb out of the folder are refused, as are archives over the size and entry limits.
 * Nothing in the archive is executed (no install scripts, ever).
 */
export async function extractPluginArchive(archive: Buffer): Promise<{ dir: string; cleanup: () => void }> {
  if (archive.length > MAX_ARCHIVE_BYTES) throw new PluginError("TOO_LARGE", `A plugin archive is at most ${MAX_ARCHIVE_BYTES / 1024 / 1024} MB`);
  checkArchiveFormat(archive);
  const dir = mkdtempSync(path.join(tmpdir(), "studio-plugin-"));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  let entries = 0;
  let bytes = 0;
  let refusal: PluginError | undefined;
  try {
    await pipeline(
      Readable.from(archive),
      tar.x({
        cwd: dir,
        strict: true,
        preservePaths: false,
        filter: (entryPath, entry) => {
          const type = "type" in entry ? entry.type : "File";
          const size = "size" in entry ? Number(entry.size) : 0;
          entries++;
          bytes += size;
          if (type !== "File" && type !== "Directory") refusal ??= new PluginError("UNSAFE_FILE", `${entryPath}: only plain files and folders are allowed in a plugin`);
          else if (path.isAbsolute(entryPath) || entryPath.split(/[\\/]/).includes("..")) refusal ??= new PluginError("UNSAFE_FILE", `${entryPath}: paths must stay inside the plugin`);
          else if (entries > MAX_ENTRIES || bytes > MAX_ARCHIVE_BYTES * 5) refusal ??= new PluginError("TOO_LARGE", "The archive unpacks to too many files or bytes");
          return refusal === undefined;
        },
      }),
    );
  } catch (error) {
    cleanup();
    throw error instanceof PluginError ? error : new PluginError("BAD_ARCHIVE", `The archive could not be read (truncated or corrupt?): ${describeTarError(error)}`);
  }
  if (refusal) {
    cleanup();
    throw refusal;
  }
  return { dir, cleanup };
}

/** A plugin is uploaded as a gzipped tarball (`npm run plugin -- pack`): anything else is named for what it is. */
function checkArchiveFormat(archive: Buffer): void {
  if (archive.length === 0) throw new PluginError("BAD_ARCHIVE", "The upload is empty: a plugin is a .tgz file");
  if (archive[0] === GZIP_MAGIC[0] && archive[1] === GZIP_MAGIC[1]) return;
  const isZip = archive.subarray(0, 4).equals(ZIP_MAGIC);
  throw new PluginError("BAD_ARCHIVE", `The upload is ${isZip ? "a zip file" : "not a gzipped tar archive"}: a plugin is a .tgz file (npm run plugin -- pack <dir>)`);
}

/** tar's message without its code prefix, and never a stack. */
function describeTarError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^TAR_[A-Z_]+: /, "").slice(0, 300);
}
