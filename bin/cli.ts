// Thin entry for bin/lvs-console: wires the real filesystem and stdio to runCli.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { runCli } from "../lib/cli/run-cli";

const result = runCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, "utf8"),
  readStdin: () => readFileSync(0, "utf8"),
  listDirectory: (path) => readdirSync(path),
  fileSize: (path) => (path === "-" ? 0 : statSync(path).size),
});
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
