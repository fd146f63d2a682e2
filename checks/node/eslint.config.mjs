// ESLint flat config used by `python -m checks` (passed with --config; ESLint runs with cwd "/").
// CommonJS by default; the checker lists the files that are ES modules (.mjs, or .js under a
// package.json with "type": "module") in CHECKS_ESLINT_MODULES, so ESLint and `node --check`
// agree on each file's module mode.
import js from "@eslint/js";
import globals from "globals";

const modules = JSON.parse(process.env.CHECKS_ESLINT_MODULES || "[]");
const fromRoot = (path) => path.replace(/^\/+/, "");

export default [
  js.configs.recommended,
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: { ecmaVersion: "latest", sourceType: "commonjs", globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  // Scripts that run in a browser page (the site's own JS, the PDF assembler Chromium evaluates).
  {
    files: ["**/docs/assets/**/*.js", "**/scripts/pdf/**/*.js"],
    languageOptions: { globals: { ...globals.browser } },
  },
  ...(modules.length ? [{ files: modules.map(fromRoot), languageOptions: { sourceType: "module" } }] : []),
];
