import { IMPORT_FORMATS, isImportFormat, type ImportFormat } from "../domain/import/detect-format";
import { globComponentRegExp, basenameOf, dirnameOf, type IncludeReader } from "../domain/import/include-reader";
import { hasUnimported, importFiles, type ImportFile } from "../domain/import/import-files";
import { formatImportMessage, MAX_INPUT_BYTES } from "../domain/import/messages";
import type { CliIo, CliResult } from "./run-cli";

/** Usage of the import command (part of the CLI's usage text). */
export const IMPORT_USAGE = `  lvs-console import FILE... [--format lvs.cf|keepalived|ipvsadm|iptables|nft]... [--cluster-name NAME] [--strict]
                                                              read router files into one document on stdout
                                                              (one --format for all files, or one per file in order)`;

interface ImportArgs { files: string[]; formats: ImportFormat[]; clusterName?: string; strict: boolean }

function parseImportArgs(argv: readonly string[]): ImportArgs | string {
  const args: ImportArgs = { files: [], formats: [], strict: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    const [opt, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    if (opt === "--format" || opt === "--cluster-name") {
      const value = inline ?? argv[++i];
      if (value === undefined) return `${opt} needs a value`;
      if (opt === "--cluster-name") args.clusterName = value;
      else if (isImportFormat(value)) args.formats.push(value);
      else return `unknown import format ${JSON.stringify(value)}; allowed: ${IMPORT_FORMATS.join(", ")}`;
    } else if (opt === "--strict") args.strict = true;
    else if (a.startsWith("-") && a !== "-") return `unknown option ${a}`;
    else args.files.push(a);
  }
  if (args.files.length === 0) return "import needs at least one FILE";
  if (args.formats.length > 1 && args.formats.length !== args.files.length) {
    return `${args.formats.length} --format options for ${args.files.length} files; allowed: one for all files or one per file`;
  }
  return args;
}

/** An include reader over the CLI's filesystem access. */
export function cliIncludeReader(io: CliIo): IncludeReader {
  return {
    readFile: (path) => {
      try {
        return io.readFile(path);
      } catch {
        return undefined;
      }
    },
    glob: (pattern) => {
      const dir = dirnameOf(pattern);
      const re = globComponentRegExp(basenameOf(pattern));
      const names = io.listDirectory?.(dir) ?? [];
      return names.filter((n) => re.test(n)).sort().map((n) => (dir === "/" ? `/${n}` : `${dir}/${n}`));
    },
  };
}

/** `lvs-console import`: exit 0 imported, 1 with --strict when something was not imported, 2 when unreadable or invalid. */
export function runImport(argv: readonly string[], io: CliIo, usage: (message: string) => CliResult): CliResult {
  const args = parseImportArgs(argv);
  if (typeof args === "string") return usage(args);
  const files: ImportFile[] = [];
  const unreadable: string[] = [];
  for (const [i, name] of args.files.entries()) {
    let text: string;
    try {
      if ((io.fileSize?.(name) ?? 0) > MAX_INPUT_BYTES) throw new Error(`larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB; allowed: a router configuration file`);
      text = name === "-" ? io.readStdin() : io.readFile(name);
    } catch (e) {
      unreadable.push(`${name}:1:1: error: cannot read: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const format = args.formats.length === 1 ? args.formats[0] : args.formats[i];
    files.push({ name, text, ...(format === undefined ? {} : { format }) });
  }
  if (unreadable.length > 0) return { exitCode: 2, stdout: "", stderr: lines(unreadable) };
  const result = importFiles(files, { ...(args.clusterName === undefined ? {} : { clusterName: args.clusterName }), reader: cliIncludeReader(io) });
  const stderr = [...result.messages.map(formatImportMessage)];
  if (!result.document) {
    if (result.invalid.length > 0) stderr.push("lvs-console: the imported files do not make a valid document:", ...result.invalid);
    return { exitCode: 2, stdout: "", stderr: lines(stderr) };
  }
  const exitCode = args.strict && hasUnimported(result.messages) ? 1 : 0;
  return { exitCode, stdout: `${JSON.stringify(result.document, null, 2)}\n`, stderr: lines(stderr) };
}

function lines(items: readonly string[]): string {
  return items.map((l) => `${l}\n`).join("");
}
