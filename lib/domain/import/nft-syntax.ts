// The shape of `nft list ruleset` text: statements, object blocks and inline sets.

/** A word of nft text, or an inline `{ … }` set whose elements are word lists. */
export type NftToken =
  | { kind: "word"; text: string; line: number; column: number }
  | { kind: "set"; elements: NftToken[][]; line: number; column: number };

/** A statement and, for tables, chains, maps and sets, the block it opens. */
export interface NftStatement {
  tokens: NftToken[];
  line: number;
  block?: NftStatement[];
}

/** Statements or an error at a place. */
export type NftParseResult = { ok: true; statements: NftStatement[] } | { ok: false; line: number; column: number; message: string };

type Raw = { t: string; line: number; column: number; quoted: boolean };

const BLOCK_KEYWORDS = new Set(["table", "chain", "map", "set", "flowtable", "counter", "quota", "ct", "limit", "secmark", "synproxy", "meter"]);

function lex(text: string): Raw[] | { line: number; column: number; message: string } {
  const out: Raw[] = [];
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; ) {
    const ch = text[i] as string;
    if (ch === "\n") {
      out.push({ t: "\n", line, column: i - lineStart + 1, quoted: false });
      line++;
      lineStart = ++i;
    } else if (ch === " " || ch === "\t" || ch === "\r") i++;
    else if (ch === "#") while (i < text.length && text[i] !== "\n") i++;
    else if (ch === "\\" && text[i + 1] === "\n") i++;
    else if ("{};,".includes(ch)) {
      out.push({ t: ch, line, column: i - lineStart + 1, quoted: false });
      i++;
    } else if (ch === '"') {
      const end = text.indexOf('"', i + 1);
      const nl = text.indexOf("\n", i + 1);
      if (end < 0 || (nl >= 0 && nl < end)) return { line, column: i - lineStart + 1, message: "unterminated string; allowed: a closing \" on the same line" };
      out.push({ t: text.slice(i + 1, end), line, column: i - lineStart + 1, quoted: true });
      i = end + 1;
    } else {
      const start = i;
      while (i < text.length && !" \t\r\n{};,#\"".includes(text[i] as string)) i++;
      out.push({ t: text.slice(start, i), line, column: start - lineStart + 1, quoted: false });
    }
  }
  return out;
}

/** Parses nft ruleset text into nested statements; unbalanced braces are an error at the brace. */
export function parseNftSyntax(text: string): NftParseResult {
  const raw = lex(text);
  if (!Array.isArray(raw)) return { ok: false, ...raw };
  const pos = { i: 0 };
  const opens: Raw[] = [];
  try {
    const statements = parseBlock(raw, pos, opens, true);
    return { ok: true, statements };
  } catch (e) {
    if (e instanceof SyntaxFault) return { ok: false, line: e.at.line, column: e.at.column, message: e.message };
    throw e;
  }
}

class SyntaxFault extends Error {
  constructor(readonly at: { line: number; column: number }, message: string) {
    super(message);
  }
}

function parseBlock(raw: Raw[], pos: { i: number }, opens: Raw[], top: boolean): NftStatement[] {
  const out: NftStatement[] = [];
  let current: NftStatement | null = null;
  while (pos.i < raw.length) {
    const r = raw[pos.i++] as Raw;
    if (!r.quoted && (r.t === "\n" || r.t === ";")) {
      if (current) out.push(current);
      current = null;
    } else if (!r.quoted && r.t === "}") {
      if (top) throw new SyntaxFault(r, "closing brace without an opening one; allowed: balanced { }");
      if (current) out.push(current);
      return out;
    } else if (!r.quoted && r.t === "{") {
      const first = current?.tokens[0];
      const opensBlock = current && first?.kind === "word" && BLOCK_KEYWORDS.has(first.text) && current.tokens.every((t) => t.kind === "word") && !current.tokens.some((t) => t.kind === "word" && t.text === "=");
      if (opensBlock && current) {
        opens.push(r);
        current.block = parseBlock(raw, pos, opens, false);
        opens.pop();
        out.push(current);
        current = null;
      } else {
        current ??= { tokens: [], line: r.line };
        current.tokens.push(parseSet(raw, pos, r));
      }
    } else if (!r.quoted && r.t === ",") {
      throw new SyntaxFault(r, "comma outside a { } set");
    } else {
      current ??= { tokens: [], line: r.line };
      current.tokens.push({ kind: "word", text: r.t, line: r.line, column: r.column });
    }
  }
  if (!top) throw new SyntaxFault(opens.at(-1) ?? { line: 1, column: 1 }, "this brace is never closed; allowed: balanced { }");
  if (current) out.push(current);
  return out;
}

function parseSet(raw: Raw[], pos: { i: number }, open: Raw): NftToken {
  const elements: NftToken[][] = [];
  let element: NftToken[] = [];
  while (pos.i < raw.length) {
    const r = raw[pos.i++] as Raw;
    if (!r.quoted && r.t === "\n") continue;
    if (!r.quoted && r.t === "}") {
      if (element.length > 0) elements.push(element);
      return { kind: "set", elements, line: open.line, column: open.column };
    }
    if (!r.quoted && r.t === ",") {
      if (element.length > 0) elements.push(element);
      element = [];
    } else if (!r.quoted && r.t === "{") element.push(parseSet(raw, pos, r));
    else if (!r.quoted && r.t === ";") throw new SyntaxFault(r, "; inside a { } set");
    else element.push({ kind: "word", text: r.t, line: r.line, column: r.column });
  }
  throw new SyntaxFault(open, "this brace is never closed; allowed: balanced { }");
}

/** The text of a word token ("" for a set). */
export function wordOf(t: NftToken | undefined): string {
  return t?.kind === "word" ? t.text : "";
}
