import path from "node:path";

let storageDir: string | undefined;

/** Where installed plugin files live (`<data dir>/plugins`); set once at start-up, and by tests. */
export function setPluginStorageDir(dir: string): void {
  storageDir = dir;
}

export function getPluginStorageDir(): string {
  if (!storageDir) throw new Error("The plugin storage folder is not configured (setPluginStorageDir was not called)");
  return storageDir;
}

export function pluginVersionDir(pluginKey: string, version: string): string {
  return path.join(getPluginStorageDir(), pluginKey, version);
}

/** Where an admin may place plugin folders on the server for `plugin.installFromFolder` (`<data dir>/plugin-sources`). */
export function getPluginSourcesDir(): string {
  return path.join(path.dirname(getPluginStorageDir()), "plugin-sources");
}
