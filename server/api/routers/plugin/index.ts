import { createRouter } from "../../trpc";
import { grantPluginPermissionsProcedure } from "./grant";
import { installPluginFromFolderProcedure, installPluginProcedure } from "./install";
import { listPluginsProcedure } from "./list";
import { setAllowUnsignedPluginsProcedure } from "./set-allow-unsigned";
import { setPluginEnabledProcedure } from "./set-enabled";
import { addTrustedKeyProcedure, listTrustedKeysProcedure, removeTrustedKeyProcedure } from "./trusted-keys";
import { uninstallPluginProcedure } from "./uninstall";

export const pluginRouter = createRouter({
  list: listPluginsProcedure,
  install: installPluginProcedure,
  installFromFolder: installPluginFromFolderProcedure,
  uninstall: uninstallPluginProcedure,
  setEnabled: setPluginEnabledProcedure,
  grant: grantPluginPermissionsProcedure,
  listTrustedKeys: listTrustedKeysProcedure,
  addTrustedKey: addTrustedKeyProcedure,
  removeTrustedKey: removeTrustedKeyProcedure,
  setAllowUnsigned: setAllowUnsignedPluginsProcedure,
});
