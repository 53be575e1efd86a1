/** What a difference concerns. */
export type DriftArea = "mark" | "service" | "real-server" | "vip";

/** One difference between what a router runs and a document, with the object it belongs to. */
export interface DriftFinding {
  kind: "missing" | "extra" | "different";
  area: DriftArea;
  object: string;
  detail: string;
}

/** Something the state file does not hold, so it was not compared (never drift). */
export interface NotCompared {
  what: string;
  reason: string;
}

/** The comparison of one router state with one document. */
export interface DriftReport {
  host: string;
  time: string;
  findings: DriftFinding[];
  notCompared: NotCompared[];
  /** What the parsers could not carry (FILE:LINE: …), for the operator to read. */
  notes: string[];
}

/** True when nothing compared differs. */
export const inSync = (r: DriftReport) => r.findings.length === 0;

/** The report as text lines (CLI output, downloadable report). */
export function formatDriftReport(r: DriftReport, against: string): string[] {
  const out = [`router ${r.host}, state collected ${r.time}, compared with ${against}:`];
  if (r.findings.length === 0) out.push("  in sync: no difference in what was compared");
  for (const f of r.findings) out.push(`  ${f.kind} ${f.area}: ${f.object}: ${f.detail}`);
  for (const n of r.notCompared) out.push(`  not compared: ${n.what}: ${n.reason}`);
  for (const n of r.notes) out.push(`  note: ${n}`);
  return out;
}
