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

interface Tok { text: string; file: string; line: number; column: number }

const MAX_INCLUDE_DEPTH = 16;

// keepalived reads words separated by blanks; `{` and `}` stand alone even when
// written against a word; `!` or `#` starts a comment; "…" quotes a word.
function lexLine(body: string, file: string, line: number, out: Tok[]): { column: number; message: string } | null {
  let i = 0;
  while (i < body.length) {
    const ch = body[i] as string;
    if (ch === " " || ch === "\t" || ch === "\r") i++;
    else if (ch === "!" || ch === "#") break;
    else if (ch === "{" || ch === "}") {
      out.push({ text: ch, file, line, column: i + 1 });
      i++;
    } else if (ch === '"') {
      const end = body.indexOf('"', i + 1);
      if (end < 0) return { column: i + 1, message: 'unterminated string; allowed: a closing " on the same line' };
      out.push({ text: body.slice(i + 1, end), file, line, column: i + 1 });
      i = end + 1;
    } else {
      const start = i;
      while (i < body.length && !" \t\r{}\"".includes(body[i] as string) && !(body[i] === "!" || body[i] === "#")) i++;
      out.push({ text: body.slice(start, i), file, line, column: start + 1 });
    }
  }
  return null;
}

/** Reads keepalived.conf text into keyword nodes, resolving `include` through the reader; null after an error. */
export function parseKeepalivedSyntax(text: string, file: string, reader: IncludeReader | undefined, log: MessageLog): KaNode[] | null {
  const toks: Tok[] = [];
  const comments = new Map<string, string>();
  if (!lexFile(text, file, reader, log, [file], toks, comments)) return null;
  return buildTree(toks, comments, log);
}

function lexFile(
  text: string, file: string, reader: IncludeReader | undefined, log0: MessageLog, stack: string[], out: Tok[], comments: Map<string, string>,
): boolean {
  const log = log0.forFile(file);
  if (!checkReadable(text, log)) return false;
  const lines = text.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const lineToks: Tok[] = [];
    const err = lexLine(lines[n] ?? "", file, n + 1, lineToks);
    if (err) {
      log.error(n + 1, err.column, err.message);
      return false;
    }
    const comment = /^\s*[!#]\s?(.*)$/.exec(lines[n] ?? "");
    if (comment) comments.set(`${file}:${n + 1}`, comment[1] ?? "");
    if (lineToks[0]?.text !== "include") {
      for (const t of lineToks) out.push(t);
      continue;
    }
    const target = lineToks[1];
    if (!target) {
      log.error(n + 1, lineToks[0].column, "include needs a file name or glob");
      return false;
    }
    if (!included(target, file, reader, log, stack, out, comments)) return false;
  }
  return true;
}

function included(
  target: Tok, file: string, reader: IncludeReader | undefined, log: MessageLog, stack: string[], out: Tok[], comments: Map<string, string>,
): boolean {
  if (!reader) {
    log.warn(target.line, `include ${target.text} not followed: no other files were given`);
    return true;
  }
  const pattern = resolveIncludePath(file, target.text);
  const paths = isGlob(pattern) ? reader.glob(pattern) : [pattern];
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
    if (!lexFile(text, path, reader, log, [...stack, path], out, comments)) return false;
  }
  return true;
}

// A `{` belongs to the keyword line before it even on a line of its own, as in
// keepalived; everything else on one line is one node.
function buildTree(toks: Tok[], comments: Map<string, string>, log0: MessageLog): KaNode[] | null {
  const root: KaNode[] = [];
  const stack: { nodes: KaNode[]; open?: Tok }[] = [{ nodes: root }];
  let current: KaNode | null = null;
  let lastKey = "";
  for (const t of toks) {
    const top = stack[stack.length - 1] as { nodes: KaNode[]; open?: Tok };
    const key = `${t.file}:${t.line}`;
    if (t.text === "{") {
      const owner = current ?? top.nodes[top.nodes.length - 1];
      if (!owner || owner.children) {
        log0.forFile(t.file).error(t.line, t.column, "{ without a keyword before it");
        return null;
      }
      owner.children = [];
      stack.push({ nodes: owner.children, open: t });
      current = null;
    } else if (t.text === "}") {
      if (stack.length === 1) {
        log0.forFile(t.file).error(t.line, t.column, "} closes no block; allowed: balanced { }");
        return null;
      }
      stack.pop();
      current = null;
    } else if (current && key === lastKey) current.words.push(t.text);
    else {
      const comment = comments.get(`${t.file}:${t.line - 1}`);
      current = { words: [t.text], file: t.file, line: t.line, ...(comment === undefined ? {} : { comment }) };
      top.nodes.push(current);
    }
    lastKey = key;
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1]?.open as Tok;
    log0.forFile(open.file).error(open.line, open.column, "this { is never closed; allowed: balanced { }");
    return null;
  }
  return root;
}
