// The files a person picked for "Import openclaw.json" (some files, or a whole folder), as the import procedure takes
// them: paths inside the picked folder, and which one is the config. Pure, so it is tested without a browser.

export type TPickedFile = { name: string; relativePath: string; content: string };
export type TOpenClawUpload = { entry: string; files: { path: string; content: string }[] };

const CONFIG_FILE = /\.json5?$/i;

export function collectOpenClawUpload(picked: TPickedFile[]): { ok: true; upload: TOpenClawUpload } | { ok: false; message: string } {
  if (picked.length === 0) return { ok: false, message: "Pick an openclaw.json (and the files it includes, and workspace .md files)" };
  const paths = picked.map((file) => file.relativePath || file.name);
  // A folder pick names every file `<folder>/...`; the config's own folder is the root its $include paths start from.
  const firstSegments = new Set(paths.map((filePath) => (filePath.includes("/") ? filePath.split("/")[0] : "")));
  const folder = firstSegments.size === 1 && !firstSegments.has("") ? `${[...firstSegments][0]}/` : "";
  const files = picked.map((file, index) => ({ path: paths[index]!.slice(folder.length), content: file.content }));
  const configs = files.filter((file) => CONFIG_FILE.test(file.path));
  const named = configs.filter((file) => file.path.split("/").at(-1) === "openclaw.json").sort((a, b) => a.path.length - b.path.length);
  const entry = named[0] ?? (configs.length === 1 ? configs[0] : undefined);
  if (!entry) return { ok: false, message: "Which file is the config? Name it openclaw.json, or pick a single .json/.json5 file" };
  return { ok: true, upload: { entry: entry.path, files } };
}
