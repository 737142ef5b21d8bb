// npm run plugin -- keygen [--out <dir>] | sign <dir> --key <private.pem> | verify <dir> [--trust <public key>] | pack <dir> [--out <file>]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PluginError } from "./plugin-error";
import { packPluginFolder } from "./signing/plugin-archive";
import { fingerprintOf, generatePluginKeyPair } from "./signing/plugin-keys";
import { readManifest, signPluginFolder } from "./signing/sign-plugin";
import { verifyPluginFolder } from "./signing/verify-plugin";

const USAGE = `usage:
  npm run plugin -- keygen [--out <dir>]               write plugin-key.pem (private) and plugin-key.pub (public)
  npm run plugin -- sign <dir> --key <private.pem>     sign a plugin folder in place
  npm run plugin -- verify <dir> [--trust <key|file>]  check files and signature (and that the key is the trusted one)
  npm run plugin -- pack <dir> [--out <file.tgz>]      pack a plugin folder for upload`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function readKeyArgument(value: string): string {
  return existsSync(value) ? readFileSync(value, "utf8").trim() : value.trim();
}

async function main(args: string[]): Promise<string> {
  const [command, target] = args;
  switch (command) {
    case "keygen": {
      const out = option(args, "--out") ?? ".";
      mkdirSync(out, { recursive: true });
      const keys = generatePluginKeyPair();
      writeFileSync(path.join(out, "plugin-key.pem"), keys.privateKeyPem, { mode: 0o600 });
      writeFileSync(path.join(out, "plugin-key.pub"), `${keys.publicKey}\n`);
      return `wrote ${path.join(out, "plugin-key.pem")} (keep it secret) and ${path.join(out, "plugin-key.pub")}\nfingerprint ${fingerprintOf(keys.publicKey)}`;
    }
    case "sign": {
      const keyFile = option(args, "--key");
      if (!target || !keyFile) throw new Error(USAGE);
      const signed = signPluginFolder(target, readFileSync(keyFile, "utf8"));
      return `signed ${signed.id} ${signed.version}: ${Object.keys(signed.signature!.files).length} files, key ${fingerprintOf(signed.signature!.publicKey)}`;
    }
    case "verify": {
      if (!target) throw new Error(USAGE);
      const trust = option(args, "--trust");
      const embedded = readManifest(target).signature?.publicKey;
      const trusted = trust ? [readKeyArgument(trust)] : embedded ? [embedded] : [];
      const verified = verifyPluginFolder(target, { trustedPublicKeys: trusted, allowUnsigned: false });
      return `ok: ${verified.manifest.id} ${verified.manifest.version}, ${Object.keys(verified.fileHashes).length} files, signed by ${verified.signedBy}`;
    }
    case "pack": {
      if (!target) throw new Error(USAGE);
      const manifest = readManifest(target);
      const out = option(args, "--out") ?? `${manifest.id}-${manifest.version}.tgz`;
      await packPluginFolder(target, out);
      return `wrote ${out}`;
    }
    default:
      throw new Error(USAGE);
  }
}

main(process.argv.slice(2)).then(
  (message) => process.stdout.write(`${message}\n`),
  (error: unknown) => {
    const prefix = error instanceof PluginError ? `refused (${error.code}): ` : "";
    process.stderr.write(`${prefix}${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
