import { isGlob, resolveIncludePath, type IncludeReader } from "./include-reader";
import { checkReadable, type MessageLog } from "./messages";

/** A keyword line of keepalived.conf with the block it opens, if any. */
export interface KaNode {
  words: string[];
  file: string;
  line: number;
  /** A whole-line comment right above the keyword (the generator names virtual servers there). */
  comment?: string;
  children?: KaNode[];
}

interface Tok { text: string; file: string; line: number; column: number; body?: string }

const MAX_INCLUDE_DEPTH = 16;

// keepalived reads words separated by blanks; `{` and `}` stand alone even when
// written against a word; `!` or `#` starts a comment; "…" quotes a word.
const WORD = /[ \t\r]*(?:([!#])|([{}])|"([^"]*)("?)|([^ \t\r{}"!#]+))/y;

// Words only: a 10,000-service file has about two million of them, and an
// object per word was most of the parse. Columns are found again on an error.
// One pass over the characters: splitting on a regular expression cost a
// second of the 10,000-service import.
const SPACE = 32, TAB = 9, CR = 13, OPEN = 123, CLOSE = 125, QUOTE = 34, BANG = 33, HASH = 35;

/** Words of one line, text[from, to), into `out` from index 0; their count, or where the line cannot be read. */
function lexLine(text: string, from: number, to: number, out: string[]): number | { column: number; message: string } {
  let i = from;
  let count = 0;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === CR) i++;
    else if (c === BANG || c === HASH) return count;
    else if (c === OPEN || c === CLOSE) {
      out[count++] = c === OPEN ? "{" : "}";
      i++;
    } else if (c === QUOTE) {
      const end = text.indexOf('"', i + 1);
      if (end < 0 || end >= to) return { column: i - from + 1, message: 'unterminated string; allowed: a closing " on the same line' };
      out[count++] = text.slice(i + 1, end);
      i = end + 1;
    } else {
      const start = i;
      for (i++; i < to; i++) {
        const d = text.charCodeAt(i);
        if (d === SPACE || d === TAB || d === CR || d === OPEN || d === CLOSE || d === QUOTE || d === BANG || d === HASH) break;
      }
      out[count++] = text.slice(start, i);
    }
  }
  return count;
}

/** Column (1-based) of the n-th word of a line, for error messages. */
function columnOf(body: string, index: number): number {
  WORD.lastIndex = 0;
  for (let i = 0; ; i++) {
    const at = WORD.lastIndex;
    const m = WORD.exec(body);
    if (!m) return 1;
    if (i === index) return at + m[0].length - (m[2] ?? m[5] ?? `"${m[3]}${m[4]}`).length + 1;
  }
}

/** Reads keepalived.conf text, resolving `include` through the reader, and hands each top-level node to `onNode` once complete; false after an error. */
export function parseKeepalivedSyntax(
  text: string, file: string, reader: IncludeReader | undefined, log: MessageLog, onNode: (node: KaNode) => void,
): boolean {
  const tree = new TreeBuilder(log, onNode);
  if (!lexFile(text, file, reader, log, [file], tree)) return false;
  return tree.finish();
}

const COMMENT_LINE = /^\s*[!#]\s?(.*)$/;

// Lines go to the tree as they are read: a 10,000-service file never holds
// its million words as one token list.
function lexFile(text: string, file: string, reader: IncludeReader | undefined, log0: MessageLog, stack: string[], tree: TreeBuilder): boolean {
  const log = log0.forFile(file);
  if (!checkReadable(text, log)) return false;
  // Lines are cut one at a time and the word list is reused: a million-line
  // array kept every line alive into the old generation.
  let comment: string | undefined;
  const words: string[] = [];
  for (let n = 0, start = 0; start <= text.length; n++) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    const from = start;
    start = end + 1;
    const count = lexLine(text, from, end, words);
    if (typeof count !== "number") {
      log.error(n + 1, count.column, count.message);
      return false;
    }
    if (count === 0) {
      const body = text.slice(from, end);
      const c = body.includes("!") || body.includes("#") ? COMMENT_LINE.exec(body) : null;
      comment = c ? (c[1] ?? "") : undefined;
      continue;
    }
    if (words[0] === "include") {
      const target = count > 1 ? words[1] : undefined;
      const body = text.slice(from, end);
      if (target === undefined) {
        log.error(n + 1, columnOf(body, 0), "include needs a file name or glob");
        return false;
      }
      if (!included({ text: target, file, line: n + 1, column: columnOf(body, 1) }, file, reader, log, stack, tree)) return false;
    } else if (!tree.feed(words, count, { file, line: n + 1, text, from, to: end }, comment)) return false;
    comment = undefined;
  }
  return true;
}

function included(target: Tok, file: string, reader: IncludeReader | undefined, log: MessageLog, stack: string[], tree: TreeBuilder): boolean {
  if (!reader) {
    log.warn(target.line, `include ${target.text} not followed: no other files were given`);
    return true;
  }
  const pattern = resolveIncludePath(file, target.text);
  // Uploaded files lost their folders: conf.d/*.conf would also match keepalived.conf itself.
  const paths = isGlob(pattern) ? reader.glob(pattern).filter((p) => !(reader.flat && stack.includes(p))) : [pattern];
  if (paths.length === 0) log.warn(target.line, `include ${target.text} matches no file; nothing included`);
  for (const path of paths) {
    if (stack.includes(path)) {
      log.error(target.line, target.column, `include ${target.text} loops back to ${path} (${[...stack, path].join(" → ")}); allowed: includes without cycles`);
      return false;
    }
    if (stack.length >= MAX_INCLUDE_DEPTH) {
      log.error(target.line, target.column, `includes nest deeper than ${MAX_INCLUDE_DEPTH} files`);
      return false;
    }
    const text = reader.readFile(path);
    if (text === undefined) {
      log.error(target.line, target.column, `cannot read included file ${path}`);
      return false;
    }
    log.note(target.line, `included ${path}`);
    if (!lexFile(text, path, reader, log, [...stack, path], tree)) return false;
  }
  return true;
}

/** Where a line is: its file and number, and its text as text[from, to). */
interface LineAt {
  file: string;
  line: number;
  text: string;
  from: number;
  to: number;
}

/** A line's text, cut only when an error needs a column. */
const lineText = (at: LineAt) => at.text.slice(at.from, at.to);

// A `{` belongs to the keyword line before it even on a line of its own, as in
// keepalived; everything else on one line is one node.
// Top-level nodes leave the builder as soon as no later line can add to them,
// so a 10,000-service file's tree never exists all at once.
class TreeBuilder {
  private readonly root: KaNode[] = [];
  private readonly stack: { nodes: KaNode[]; open?: Tok }[] = [{ nodes: this.root }];

  constructor(private readonly log: MessageLog, private readonly onNode: (node: KaNode) => void) {}

  feed(words: readonly string[], count: number, at: LineAt, comment: string | undefined): boolean {
    const { file, line } = at;
    let current: KaNode | null = null;
    for (let i = 0; i < count; i++) {
      const w = words[i] as string;
      const top = this.stack[this.stack.length - 1] as { nodes: KaNode[]; open?: Tok };
      if (w === "{") {
        const owner = current ?? top.nodes[top.nodes.length - 1];
        if (!owner || owner.children) {
          this.log.forFile(file).error(line, columnOf(lineText(at), i), "{ without a keyword before it");
          return false;
        }
        owner.children = [];
        this.stack.push({ nodes: owner.children, open: { text: w, file, line, column: -1 - i, body: lineText(at) } });
        current = null;
      } else if (w === "}") {
        if (this.stack.length === 1) {
          this.log.forFile(file).error(line, columnOf(lineText(at), i), "} closes no block; allowed: balanced { }");
          return false;
        }
        this.stack.pop();
        if (this.stack.length === 1) this.flush();
        current = null;
      } else if (current) current.words.push(w);
      else {
        if (this.stack.length === 1) this.flush();
        current = comment === undefined ? { words: [w], file, line } : { words: [w], file, line, comment };
        comment = undefined;
        top.nodes.push(current);
      }
    }
    return true;
  }

  private flush(): void {
    for (const node of this.root.splice(0)) this.onNode(node);
  }

  finish(): boolean {
    if (this.stack.length > 1) {
      const open = this.stack[this.stack.length - 1]?.open as Tok;
      this.log.forFile(open.file).error(open.line, open.column < 0 ? columnOf(open.body ?? "", -1 - open.column) : open.column, "this { is never closed; allowed: balanced { }");
      return false;
    }
    this.flush();
    return true;
  }
}
