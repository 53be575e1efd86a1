import { diffArrays } from "diff";
import { isGeneratedLine } from "../render/text";

/** One line of a diff: kept (context), only before (removed) or only after (added), with its line numbers. */
export interface DiffLine {
  kind: "context" | "removed" | "added";
  text: string;
  oldNo?: number;
  newNo?: number;
}

/** A run of changed lines with the context around them. */
export interface DiffHunk {
  oldStart: number;
  newStart: number;
  lines: DiffLine[];
}

/** How two texts of one artifact differ, generated header lines (serial number) not counted. */
export interface TextDiff {
  /** Byte for byte the same. */
  identical: boolean;
  /** The same apart from generated header lines. */
  unchanged: boolean;
  /** Generated lines that differ and were treated as equal. */
  ignoredLines: number;
  added: number;
  removed: number;
  hunks: DiffHunk[];
}

/** One row of a side-by-side view: the line before on the left, after on the right (either may be missing). */
export interface SideBySideRow {
  left?: DiffLine;
  right?: DiffLine;
}

const split = (text: string) => (text === "" ? [] : text.replace(/\n$/, "").split("\n"));

// Past this, a diff of two very different large files gives up on the shortest
// edit script and shows the whole text replaced (still correct, only longer).
const TIMEOUT_MS = 2000;

function allLines(format: string, before: string[], after: string[]): { lines: DiffLine[]; ignored: number } {
  const same = (a: string, b: string) => a === b || (isGeneratedLine(format, a) && isGeneratedLine(format, b));
  const parts = diffArrays(before, after, { comparator: same, timeout: TIMEOUT_MS })
    ?? [{ removed: true, added: false, value: before, count: before.length }, { added: true, removed: false, value: after, count: after.length }];
  const lines: DiffLine[] = [];
  let o = 0;
  let n = 0;
  let ignored = 0;
  for (const part of parts) {
    for (const text of part.value) {
      if (part.removed) lines.push({ kind: "removed", text, oldNo: ++o });
      else if (part.added) lines.push({ kind: "added", text, newNo: ++n });
      else {
        if (before[o] !== text) ignored += 1;
        lines.push({ kind: "context", text, oldNo: ++o, newNo: ++n });
      }
    }
  }
  return { lines, ignored };
}

// A line is shown when a change lies within `context` lines of it; shown lines
// that follow each other make one hunk.
function toHunks(lines: DiffLine[], context: number): DiffHunk[] {
  const distance = lines.map(() => Infinity);
  let last = -Infinity;
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i]!.kind !== "context") last = i;
    distance[i] = i - last;
  }
  last = Infinity;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    if (lines[i]!.kind !== "context") last = i;
    distance[i] = Math.min(distance[i]!, last - i);
  }
  const hunks: DiffHunk[] = [];
  let current: DiffHunk | null = null;
  let oldSeen = 0;
  let newSeen = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (distance[i]! > context) current = null;
    else {
      if (!current) hunks.push((current = { oldStart: oldSeen + 1, newStart: newSeen + 1, lines: [] }));
      current.lines.push(line);
    }
    if (line.oldNo !== undefined) oldSeen = line.oldNo;
    if (line.newNo !== undefined) newSeen = line.newNo;
  }
  return hunks;
}

/** Line diff of two texts of one artifact format with `context` lines around each change; generated header lines compare equal. */
export function diffArtifactText(format: string, before: string, after: string, context = 3): TextDiff {
  if (before === after) return { identical: true, unchanged: true, ignoredLines: 0, added: 0, removed: 0, hunks: [] };
  const { lines, ignored } = allLines(format, split(before), split(after));
  const added = lines.filter((l) => l.kind === "added").length;
  const removed = lines.filter((l) => l.kind === "removed").length;
  return { identical: false, unchanged: added + removed === 0, ignoredLines: ignored, added, removed, hunks: toHunks(lines, context) };
}

/** A hunk as side-by-side rows: removed lines pair with the added lines that replace them. */
export function toSideBySide(hunk: DiffHunk): SideBySideRow[] {
  const rows: SideBySideRow[] = [];
  let removed: DiffLine[] = [];
  let added: DiffLine[] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(removed.length, added.length); k += 1) rows.push({ left: removed[k], right: added[k] });
    removed = [];
    added = [];
  };
  for (const line of hunk.lines) {
    if (line.kind === "removed") {
      if (added.length > 0) flush();
      removed.push(line);
    } else if (line.kind === "added") added.push(line);
    else {
      flush();
      rows.push({ left: line, right: line });
    }
  }
  flush();
  return rows;
}
