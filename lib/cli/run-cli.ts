import { checkAndRender, refusalsFor } from "../domain/artifacts/check-and-render";
import { formatDiagnostic, hasErrors } from "../domain/lint";
import { FORMATS, FORMAT_NAMES, isFormatName } from "../domain/render/registry";
import { parseDocumentText, type LvsDocument } from "../domain/schema";
import { runDrift } from "./run-drift";
import { runWhatIf } from "./run-what-if";
import { IMPORT_USAGE, runImport } from "./run-import";

/** What the CLI needs from the outside world, injected so tests can run it in-process. */
export interface CliIo {
  readFile(path: string): string;
  readStdin(): string;
  /** Names in a directory (keepalived include globs); absent means none match. */
  listDirectory?(path: string): string[];
  /** Size of a file in bytes, checked before reading it. */
  fileSize?(path: string): number;
}

/** The CLI's outcome: exit 0 ok, 1 lint errors (drift: drift found), 2 invalid document, input or usage. */
export interface CliResult {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** Usage text printed by `help` and on usage errors. */
export const USAGE = `usage:
  lvs-console render <doc.json|-> --format <name> [--force]   print one artifact (refused on lint errors about it unless --force)
  lvs-console lint <doc.json|-> [--json]                      print diagnostics; exit 1 when any is an error
  lvs-console formats [--json]                                list the format names
  lvs-console what-if <doc.json|-> --to VIP:PORT [--protocol tcp|udp] [--from ADDRESS] [--json]
                                 where a packet goes: mark, IPVS service, real servers ([v6]:PORT for IPv6)
  lvs-console drift --state FILE <doc.json|-> [--json]        compare a collect-state file with the document
${IMPORT_USAGE}
formats: ${FORMAT_NAMES.join(", ")}
exit codes: 0 ok, 1 lint errors (import: --strict and something not imported), 2 invalid document, unreadable input or usage
  what-if: 0 answered (balanced or not), 2 bad document, probe or usage
  drift: 0 in sync, 1 drift found, 2 unreadable state file or document
`;

const usage = (message: string): CliResult => ({ exitCode: 2, stdout: "", stderr: `lvs-console: ${message}\n${USAGE}` });
const lines = (items: readonly string[]) => items.map((l) => `${l}\n`).join("");

/** Parsed arguments: positional, boolean flags and options with a value. */
export interface Args {
  positional: string[];
  flags: Set<string>;
  format?: string;
  options: Map<string, string>;
}

const VALUE_OPTIONS = new Set(["--to", "--protocol", "--from", "--state"]);

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { positional: [], flags: new Set(), options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--format" || a === "-f") {
      const value = argv[++i];
      if (value === undefined) return "--format needs a format name";
      args.format = value;
    } else if (a.startsWith("--format=")) args.format = a.slice("--format=".length);
    else if (a === "--json" || a === "--force") args.flags.add(a);
    else if (VALUE_OPTIONS.has(a.split("=")[0]!)) {
      const [name, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, argv[++i]];
      if (inline === undefined) return `${name} needs a value`;
      args.options.set(name, inline);
    }
    else if (a.startsWith("-") && a !== "-") return `unknown option ${a}`;
    else args.positional.push(a);
  }
  return args;
}

/** The text of a file, or of stdin for "-"; exit 2 naming the file when it cannot be read. */
function readSource(source: string, io: CliIo): { text: string } | CliResult {
  try {
    return { text: source === "-" ? io.readStdin() : io.readFile(source) };
  } catch (e) {
    return { exitCode: 2, stdout: "", stderr: `lvs-console: cannot read ${source}: ${e instanceof Error ? e.message : String(e)}\n` };
  }
}

function loadDocument(source: string, io: CliIo, json: boolean): { doc: LvsDocument } | CliResult {
  const read = readSource(source, io);
  if (!("text" in read)) return read;
  const r = parseDocumentText(read.text);
  if (r.ok) return { doc: r.doc };
  const stdout = json ? `${JSON.stringify({ valid: false, issues: r.issues }, null, 2)}\n` : "";
  return { exitCode: 2, stdout, stderr: `lvs-console: ${source} is not a valid document:\n${lines(r.lines)}` };
}

function runRender(args: Args, io: CliIo): CliResult {
  const [source, ...extra] = args.positional;
  if (source === undefined || extra.length > 0) return usage("render takes exactly one document");
  if (args.format === undefined) return usage("render needs --format <name>");
  if (!isFormatName(args.format)) return usage(`unknown format ${JSON.stringify(args.format)}; allowed: ${FORMAT_NAMES.join(", ")}`);
  const loaded = loadDocument(source, io, false);
  if (!("doc" in loaded)) return loaded;
  // The preview's rule: an error about another artifact (lvs.cf's device rule, say) does not stop this one.
  const checked = checkAndRender(loaded.doc, [], [args.format]);
  const errors = refusalsFor(checked, args.format).map(formatDiagnostic);
  if (errors.length > 0 && !args.flags.has("--force")) {
    return { exitCode: 1, stdout: "", stderr: `lvs-console: refusing to render a document with lint errors (--force overrides):\n${lines(errors)}` };
  }
  return { exitCode: 0, stdout: checked.artifacts[0]!.text, stderr: lines(errors.map((e) => `lvs-console: ${e}`)) };
}

function runLint(args: Args, io: CliIo): CliResult {
  const [source, ...extra] = args.positional;
  if (source === undefined || extra.length > 0) return usage("lint takes exactly one document");
  const json = args.flags.has("--json");
  const loaded = loadDocument(source, io, json);
  if (!("doc" in loaded)) return loaded;
  const { diagnostics } = checkAndRender(loaded.doc, [], []);
  const exitCode = hasErrors(diagnostics) ? 1 : 0;
  if (json) return { exitCode, stdout: `${JSON.stringify({ valid: true, diagnostics }, null, 2)}\n`, stderr: "" };
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  const summary = `${count("error")} error(s), ${count("warning")} warning(s), ${count("info")} note(s)`;
  return { exitCode, stdout: lines([...diagnostics.map(formatDiagnostic), summary]), stderr: "" };
}

/** The helpers a command module needs, handed over so it does not import this module back. */
export interface CliKit {
  usage: (message: string) => CliResult;
  lines: (items: readonly string[]) => string;
  loadDocument: (source: string, io: CliIo, json: boolean) => { doc: LvsDocument } | CliResult;
  readSource: (source: string, io: CliIo) => { text: string } | CliResult;
}

const KIT: CliKit = { usage, lines, loadDocument, readSource };

/** Runs the CLI on its arguments (without node and script) and returns what to print and the exit code. */
export function runCli(argv: readonly string[], io: CliIo): CliResult {
  const [command, ...rest] = argv;
  if (command === "import") return runImport(rest, io, usage);
  const args = parseArgs(rest);
  if (typeof args === "string") return usage(args);
  switch (command) {
    case "render":
      return runRender(args, io);
    case "lint":
      return runLint(args, io);
    case "what-if":
      return runWhatIf(args, io, KIT);
    case "drift":
      return runDrift(args, io, KIT);
    case "formats": {
      if (args.positional.length > 0) return usage("formats takes no arguments");
      const out = args.flags.has("--json")
        ? `${JSON.stringify(FORMATS.map(({ name, title, filename, mediaType }) => ({ name, title, filename, mediaType })), null, 2)}\n`
        : lines([...FORMAT_NAMES]);
      return { exitCode: 0, stdout: out, stderr: "" };
    }
    case "help":
    case "--help":
    case "-h":
      return { exitCode: 0, stdout: USAGE, stderr: "" };
    default:
      return usage(command === undefined ? "missing command" : `unknown command ${JSON.stringify(command)}`);
  }
}
