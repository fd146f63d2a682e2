// Syntax check for many files in one Node.js process (spawning `node --check` per file is slow).
// Input on stdin: JSON [[path, "commonjs" | "module"], ...]. Output: one JSON line per failing file.
// CommonJS goes through vm.compileFunction with the module wrapper's parameters, as Node's CommonJS
// loader compiles it, so top-level await is an error; ES modules through vm.SourceTextModule. No
// module-syntax detection happens, unlike `node --check file.js`.
import { readFileSync } from "node:fs";
import vm from "node:vm";

const WRAPPER = ["exports", "require", "module", "__filename", "__dirname"];

for (const [file, mode] of JSON.parse(readFileSync(0, "utf8"))) {
  const code = readFileSync(file, "utf8");
  try {
    if (mode === "module") new vm.SourceTextModule(code, { identifier: file });
    else vm.compileFunction(code, WRAPPER, { filename: file });
  } catch (error) {
    console.log(JSON.stringify({ file, stack: String(error && error.stack) }));
  }
}
