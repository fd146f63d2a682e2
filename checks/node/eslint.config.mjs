// ESLint flat config used by `python -m checks` (passed with --config; ESLint runs with cwd "/").
// The checker decides each file's environment and module mode and lists the files in environment
// variables, so ESLint and the Node.js syntax check agree on every file:
//   CHECKS_ESLINT_MODULES  Node.js ES modules (.mjs, or .js under "type": "module"): Node's built-in
//                          globals only, so `require` in an ES module is the ReferenceError it is;
//   CHECKS_ESLINT_BROWSER_SCRIPTS  classic browser scripts: browser globals; no-undef is off, since
//                          the globals other <script> tags define (jQuery, angular) are invisible here;
//   CHECKS_ESLINT_BROWSER_MODULES  browser ES modules: browser globals, imports are explicit.
// Everything else is CommonJS with Node.js globals.
import js from "@eslint/js";
import globals from "globals";

const list = (name) => JSON.parse(process.env[name] || "[]").map((path) => path.replace(/^\/+/, ""));
const modules = list("CHECKS_ESLINT_MODULES");
const browserScripts = list("CHECKS_ESLINT_BROWSER_SCRIPTS");
const browserModules = list("CHECKS_ESLINT_BROWSER_MODULES");
const only = (files, config) => (files.length ? [{ files, ...config }] : []);

export default [
  js.configs.recommended,
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: { ecmaVersion: "latest", sourceType: "commonjs" },
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    ignores: [...modules, ...browserScripts, ...browserModules],
    languageOptions: { globals: { ...globals.node } },
  },
  ...only(modules, { languageOptions: { sourceType: "module", globals: { ...globals.nodeBuiltin } } }),
  ...only(browserScripts, {
    languageOptions: { sourceType: "script", globals: { ...globals.browser } },
    rules: { "no-undef": "off" },
  }),
  ...only(browserModules, { languageOptions: { sourceType: "module", globals: { ...globals.browser } } }),
];
