// Shell-like word splitting shared by the line-oriented parsers.

/** One word of a line and the column (1-based) where it starts. */
export interface Word {
  text: string;
  column: number;
}

/** Words of a line or an error at the column of an unterminated quote. */
export type SplitResult = { ok: true; words: Word[] } | { ok: false; column: number; message: string };

// Single and double quotes group words as sh does; a backslash escapes the next
// character outside single quotes. `#` at the start of a word begins a comment.
/** Splits a line into words the way sh (and iptables-save's quoting) does; `raw` keeps backslashes (Piranha's strings). */
export function splitWords(line: string, comment = "#", raw = false): SplitResult {
  const words: Word[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && (line[i] === " " || line[i] === "\t" || line[i] === "\r")) i++;
    if (i >= n) break;
    if (comment !== "" && line.startsWith(comment, i)) break;
    const start = i;
    let text = "";
    while (i < n && line[i] !== " " && line[i] !== "\t" && line[i] !== "\r") {
      const ch = line[i] as string;
      if (ch === "'" || ch === '"') {
        const close = findClose(line, i + 1, ch, raw);
        if (close < 0) return { ok: false, column: i + 1, message: `unterminated ${ch === "'" ? "single" : "double"} quote; allowed: a closing ${ch} on the same line` };
        text += raw ? line.slice(i + 1, close) : unescape(line.slice(i + 1, close), ch);
        i = close + 1;
      } else if (ch === "\\" && i + 1 < n && !raw) {
        text += line[i + 1];
        i += 2;
      } else {
        text += ch;
        i++;
      }
    }
    words.push({ text, column: start + 1 });
  }
  return { ok: true, words };
}

function findClose(line: string, from: number, quote: string, raw: boolean): number {
  for (let i = from; i < line.length; i++) {
    if (quote === '"' && line[i] === "\\" && !raw) i++;
    else if (line[i] === quote) return i;
  }
  return -1;
}

function unescape(body: string, quote: string): string {
  return quote === "'" ? body : body.replace(/\\(["\\$`])/g, "$1");
}

/** Splits text into lines, joining lines that end in a backslash (shell continuation, not in comments) when asked; each keeps its first line number. */
export function logicalLines(text: string, continuation = true): { line: number; text: string }[] {
  const raw = text.split("\n");
  const out: { line: number; text: string }[] = [];
  for (let i = 0; i < raw.length; i++) {
    const first = i + 1;
    let body = (raw[i] ?? "").replace(/\r$/, "");
    while (continuation && body.endsWith("\\") && !/^\s*#/.test(body) && i + 1 < raw.length) {
      body = `${body.slice(0, -1)} ${(raw[++i] ?? "").replace(/\r$/, "")}`;
    }
    out.push({ line: first, text: body });
  }
  return out;
}

/** Parses a decimal or 0x-hex unsigned integer; null when it is not one. */
export function parseUnsigned(text: string): number | null {
  if (/^0x[0-9a-f]{1,16}$/i.test(text)) return Number.parseInt(text.slice(2), 16);
  if (/^\d{1,20}$/.test(text)) return Number(text);
  return null;
}
