import { compareRouterState } from "../domain/drift/compare-state";
import { formatDriftReport, inSync } from "../domain/drift/report";
import { parseRouterState } from "../domain/state/parse-state";
import type { Args, CliIo, CliKit, CliResult } from "./run-cli";

/** `drift --state FILE DOC [--json]`: exit 0 in sync, 1 drift found, 2 unreadable input. */
export function runDrift(args: Args, io: CliIo, { usage, lines, loadDocument, readSource }: CliKit): CliResult {
  const [source, ...extra] = args.positional;
  if (source === undefined || extra.length > 0) return usage("drift takes exactly one document");
  const statePath = args.options.get("--state");
  if (statePath === undefined) return usage("drift needs --state FILE (the output of collect-state.sh)");
  const json = args.flags.has("--json");
  const read = readSource(statePath, io);
  if (!("text" in read)) return read;
  const state = parseRouterState(read.text);
  if (!state.ok) return { exitCode: 2, stdout: "", stderr: `lvs-console: ${statePath}: ${state.message}\n` };
  const loaded = loadDocument(source, io, json);
  if (!("doc" in loaded)) return loaded;
  const report = compareRouterState(state.state, loaded.doc);
  const exitCode = inSync(report) ? 0 : 1;
  const stdout = json ? `${JSON.stringify({ inSync: inSync(report), ...report }, null, 2)}\n` : lines(formatDriftReport(report, source));
  return { exitCode, stdout, stderr: "" };
}
