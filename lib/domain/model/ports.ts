/** An inclusive port interval; a single port has lo === hi. */
export interface PortRange {
  lo: number;
  hi: number;
}

/** What a port spec allows, quoted in every port error. */
export const PORT_SPEC_ALLOWED = 'a port 1-65535 ("443") or a range lo-hi / lo:hi with lo ≤ hi ("10000-20000")';

/** Result of parsing one port spec. */
export type PortSpecResult = { ok: true; range: PortRange } | { ok: false; message: string };

const SPEC = /^(0|[1-9]\d{0,4})(?:[-:](0|[1-9]\d{0,4}))?$/;

/** Parses "80", "10000-20000" or "10000:20000" into a range, or explains why not. */
export function parsePortSpec(spec: string): PortSpecResult {
  const m = SPEC.exec(spec);
  if (!m) return { ok: false, message: `${JSON.stringify(truncate(spec))} is not a port; allowed: ${PORT_SPEC_ALLOWED}` };
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  const outside = [lo, hi].find((p) => p < 1 || p > 65535);
  if (outside !== undefined) return { ok: false, message: `port ${outside} is out of range; allowed: 1-65535, lo ≤ hi` };
  if (lo > hi) return { ok: false, message: `port range ${lo}-${hi} has lo > hi; allowed: 1-65535, lo ≤ hi` };
  return { ok: true, range: { lo, hi } };
}

/** Parses specs already validated by the schema, skipping any that are not. */
export function parsePortSpecs(specs: readonly string[]): PortRange[] {
  return specs.flatMap((s) => {
    const r = parsePortSpec(s);
    return r.ok ? [r.range] : [];
  });
}

/** Sorts ranges and merges overlapping ones (adjacent ranges stay apart). */
export function normalizeRanges(ranges: readonly PortRange[]): PortRange[] {
  const sorted = [...ranges].sort((a, b) => a.lo - b.lo || a.hi - b.hi);
  const out: PortRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.lo <= last.hi) last.hi = Math.max(last.hi, r.hi);
    else out.push({ ...r });
  }
  return out;
}

/** True when two ranges share at least one port. */
export function rangesOverlap(a: PortRange, b: PortRange): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}

/** True when the port lies in the range. */
export function rangeContains(r: PortRange, port: number): boolean {
  return r.lo <= port && port <= r.hi;
}

/** Formats a range with the given separator ("-" for nft, ":" for iptables). */
export function formatRange(r: PortRange, sep: string): string {
  return r.lo === r.hi ? String(r.lo) : `${r.lo}${sep}${r.hi}`;
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
