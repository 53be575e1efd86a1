// Diagnostics of an import: where in which file, how serious, what it concerns.

/** warning: something in the file was not imported; note: an assumption was made; error: the input could not be read. */
export type ImportSeverity = "error" | "warning" | "note";

/** One message about an input file, printed as `FILE:LINE: …` (errors add `:COLUMN`). */
export interface ImportMessage {
  severity: ImportSeverity;
  file: string;
  line: number;
  column?: number;
  message: string;
  /** The object the message concerns, for showing it beside that object: `virtualServer:NAME`, `firewallMark:MARK`, `cluster`. */
  subject?: string;
}

/** Collects messages for one file. */
export class MessageLog {
  constructor(readonly file: string, readonly messages: ImportMessage[] = []) {}

  /** A log for another file that records into the same list (included files). */
  forFile(file: string): MessageLog {
    return file === this.file ? this : new MessageLog(file, this.messages);
  }

  /** Records an error: the input could not be read at this place. */
  error(line: number, column: number, message: string): void {
    this.messages.push({ severity: "error", file: this.file, line, column, message });
  }

  /** Records something in the file that was not imported, and why. */
  warn(line: number, message: string, subject?: string): void {
    this.messages.push({ severity: "warning", file: this.file, line, message, ...(subject === undefined ? {} : { subject }) });
  }

  /** Records an assumption (a default, an expansion, a merge). */
  note(line: number, message: string, subject?: string): void {
    this.messages.push({ severity: "note", file: this.file, line, message, ...(subject === undefined ? {} : { subject }) });
  }

  /** True when an error was recorded. */
  get failed(): boolean {
    return this.messages.some((m) => m.severity === "error");
  }
}

/** `FILE:LINE: warning: …`, with `:COLUMN` for errors (the CLI's stderr contract). */
export function formatImportMessage(m: ImportMessage): string {
  const where = m.severity === "error" ? `${m.file}:${m.line}:${m.column ?? 1}` : `${m.file}:${m.line}`;
  return `${where}: ${m.severity}: ${m.message}`;
}

/** Largest input file read (a router file is kilobytes; 10,000 services are a few MiB). */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

// NUL or most C0 controls mean a binary file; tabs, CR and form feeds are text.
const BINARY = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/;

/** Refuses input that is too large or not text, with an error at the first bad place; null when readable. */
export function checkReadable(text: string, log: MessageLog): boolean {
  if (text.length > MAX_INPUT_BYTES) {
    log.error(1, 1, `file is ${Math.round(text.length / 1024 / 1024)} MiB; allowed: at most ${MAX_INPUT_BYTES / 1024 / 1024} MiB of text`);
    return false;
  }
  const m = BINARY.exec(text);
  if (m) {
    const before = text.slice(0, m.index);
    const line = before.split("\n").length;
    const column = m.index - before.lastIndexOf("\n");
    log.error(line, column, `binary data (byte 0x${m[0].charCodeAt(0).toString(16).padStart(2, "0")}); allowed: a text configuration file`);
    return false;
  }
  return true;
}
