// Lint: ESLint's recommended rules plus typescript-eslint's, over everything we write.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Import paths (relative, any depth) that reach a top-level folder of this repository. */
const reaching = (...folders) => folders.map((f) => `**/${f}/**`);

export default tseslint.config(
  { ignores: ["node_modules/**", "**/node_modules/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Mock and policy inputs are untyped JSON by nature; `any` is confined to those seams.
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The library stands alone: another team imports components/ without our program, scripts,
    // offline tooling or tests (issue 15). Config flows down into Args, never up.
    files: ["components/**/*.ts"],
    ignores: ["components/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: reaching("stacks", "scripts", "test", "offline"), message: "components/ is the public library: it may not import the program, scripts, offline tooling or tests." }],
      }],
    },
  },
  {
    // Specs beside the components show how another program uses them: with the presets or Args
    // written out, never the platform's stack config (issue 15). Test helpers and offline/ are theirs.
    files: ["components/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: reaching("stacks"), message: "Specs beside the components build Args from the presets or write them out; stacks/ is the platform program, not the library." }],
      }],
    },
  },
  {
    // Scripts ship as product; tests are not product.
    files: ["scripts/**/*.ts", "offline/**/*.ts"],
    ignores: ["**/*.spec.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: reaching("test"), message: "scripts/ and offline/ are product code: move what they need out of test/." }],
      }],
    },
  },
  {
    // The one CommonJS file, the TypeScript loader (scripts/register.cjs): it runs before any
    // TypeScript can, so it is plain Node, and require is how it loads.
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", __filename: "readonly", Buffer: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
