import { STATE_FORMAT_LINE, STATE_SECTION_NAMES, type StateSectionName } from "./sections";

/** How a section was collected: `ok` is the only status whose content can be compared. */
export type SectionStatus = "ok" | "absent" | "not-loaded" | "failed";

/** One section of a state file: its status, the reason when not ok, its output and stderr lines. */
export interface StateSection {
  name: StateSectionName;
  status: SectionStatus;
  detail: string;
  lines: string[];
  errors: string[];
}

/** A parsed state file: header and the sections it holds. */
export interface RouterState {
  host: string;
  time: string;
  user?: string;
  sections: Partial<Record<StateSectionName, StateSection>>;
}

/** Parse outcome: the state, or the first problem with its line number. */
export type ParseStateResult = { ok: true; state: RouterState } | { ok: false; message: string };

const SECTION = /^### section ([a-z0-9-]+): (ok|absent|not-loaded|failed)(?: \((.*)\))?$/;
const HEADER = /^(host|time|user): (.*)$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const isSectionName = (n: string): n is StateSectionName => (STATE_SECTION_NAMES as readonly string[]).includes(n);

/** Reads a file written by collect-state.sh; refuses anything else with the line at fault. */
export function parseRouterState(text: string): ParseStateResult {
  const rows = text.replace(/\r\n/g, "\n").split("\n");
  if (rows[0] !== STATE_FORMAT_LINE) {
    return { ok: false, message: `line 1: not a collect-state file; expected ${JSON.stringify(STATE_FORMAT_LINE)}` };
  }
  const header: Record<string, string> = {};
  const sections: RouterState["sections"] = {};
  let current: StateSection | undefined;
  let ended = false;
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    const at = `line ${i + 1}`;
    if (row === "" && i === rows.length - 1) break;
    if (ended) {
      if (row === "") continue;
      return { ok: false, message: `${at}: text after "### end"` };
    }
    if (current && (row.startsWith("| ") || row === "|")) current.lines.push(row.slice(2));
    else if (current && (row.startsWith("! ") || row === "!")) current.errors.push(row.slice(2));
    else if (row === "### end") ended = true;
    else if (row.startsWith("### section ")) {
      const m = SECTION.exec(row);
      if (!m) return { ok: false, message: `${at}: malformed section line; expected "### section NAME: ok|absent|not-loaded|failed (why)"` };
      const name = m[1]!;
      if (!isSectionName(name)) return { ok: false, message: `${at}: unknown section ${JSON.stringify(name)}; allowed: ${STATE_SECTION_NAMES.join(", ")}` };
      if (sections[name]) return { ok: false, message: `${at}: section ${name} appears twice` };
      current = { name, status: m[2] as SectionStatus, detail: m[3] ?? "", lines: [], errors: [] };
      sections[name] = current;
    } else if (!current && HEADER.test(row)) {
      const m = HEADER.exec(row)!;
      header[m[1]!] = m[2]!;
    } else {
      return { ok: false, message: `${at}: unexpected text ${JSON.stringify(row.slice(0, 60))}; section lines start with "| " or "! "` };
    }
  }
  if (!ended) return { ok: false, message: 'the file is cut short: no "### end" line (was collect-state.sh interrupted?)' };
  if (!header.host) return { ok: false, message: 'the header has no "host:" line' };
  if (!header.time || !TIME.test(header.time)) return { ok: false, message: `the header's "time:" is missing or not UTC ISO 8601 (got ${JSON.stringify(header.time ?? "")})` };
  return { ok: true, state: { host: header.host, time: header.time, ...(header.user ? { user: header.user } : {}), sections } };
}

/** The output of a section when it was collected, or why it cannot be compared. */
export function sectionText(state: RouterState, name: StateSectionName): { ok: true; text: string } | { ok: false; reason: string } {
  const s = state.sections[name];
  if (!s) return { ok: false, reason: `the state file has no ${name} section` };
  if (s.status !== "ok") return { ok: false, reason: `${name}: ${s.status}${s.detail ? ` (${s.detail})` : ""}` };
  return { ok: true, text: s.lines.join("\n") };
}
