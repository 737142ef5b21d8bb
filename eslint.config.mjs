import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const FRAMEWORKS = ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*", "@trpc/*", "next-auth", "next-auth/*", "socket.io", "socket.io-client", "@xyflow/*"];

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", ".data/**", "server/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.name='eval']", message: "No eval." },
        { selector: "NewExpression[callee.name='Function']", message: "No new Function." },
        { selector: "MemberExpression[property.name='$queryRawUnsafe']", message: "Use tagged $queryRaw." },
        { selector: "MemberExpression[property.name='$executeRawUnsafe']", message: "Use tagged $executeRaw." },
      ],
    },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", globalThis: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.tsx", "components/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The shared contract and the engine stay framework-free (DESIGN section 2).
    files: ["lib/**/*.ts", "server/runtime/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: FRAMEWORKS, message: "lib/ and server/runtime/ import no framework." }] }],
    },
  },
  {
    // lib/ is isomorphic: no Node built-ins either.
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: FRAMEWORKS, message: "lib/ and server/runtime/ import no framework." },
            { group: ["node:*", "fs", "path", "crypto", "child_process", "http", "os"], message: "lib/ runs in the browser too: no Node imports." },
          ],
        },
      ],
    },
  },
);
