import { formatImportMessage, parseIptablesSave, parseNftRuleset, type ImportedMarkRule } from "../import";
import type { Family } from "../model/address";
import { markRuleSets } from "../model/bundles";
import { formatRange } from "../model/ports";
import type { LvsDocument } from "../schema/document";
import { sectionText, type RouterState } from "../state/parse-state";
import type { StateSectionName } from "../state/sections";
import { diffSegments, effectiveMarks, type MarkDifference, type MarkRuleLike } from "./mark-map";
import type { DriftFinding, NotCompared } from "./report";

type Parsed = { rules: ImportedMarkRule[]; notes: string[] } | { failed: string } | null;

const IPTABLES: Record<Family, StateSectionName> = { 4: "iptables-mangle", 6: "ip6tables-mangle" };

// With the nf_tables backend, iptables' own tables show up in `nft list ruleset`
// too; they are read through iptables-save, so they are left out of the nft text.
function withoutIptablesTables(nft: string, families: readonly Family[]): string {
  const names: string[] = families.map((f) => (f === 4 ? "table ip mangle {" : "table ip6 mangle {"));
  const out: string[] = [];
  let skipping = false;
  for (const line of nft.split("\n")) {
    if (!skipping && names.includes(line)) skipping = true;
    else if (skipping && line === "}") skipping = false;
    else if (!skipping) out.push(line);
  }
  return out.join("\n");
}

function read(state: RouterState, name: StateSectionName, parse: (text: string) => ReturnType<typeof parseNftRuleset>, edit = (t: string) => t): Parsed {
  const section = state.sections[name];
  if (section?.status === "absent") return null;
  const text = sectionText(state, name);
  if (!text.ok) return { failed: text.reason };
  const r = parse(edit(text.text));
  const error = r.messages.find((m) => m.severity === "error");
  if (error) return { failed: `${name} could not be read: ${formatImportMessage(error)}` };
  return { rules: r.rules, notes: r.messages.map(formatImportMessage) };
}

const nfTablesBackend = (state: RouterState, family: Family) => /\(nf_tables\)/.test(state.sections[IPTABLES[family]]?.lines[0] ?? "");

/** The router's mark rules per family in evaluation order, or why a family cannot be compared. */
export function routerMarkRules(state: RouterState): { rules: Map<Family, ImportedMarkRule[]>; notCompared: NotCompared[]; notes: string[] } {
  const iptables = { 4: read(state, "iptables-mangle", (t) => parseIptablesSave(t, "iptables-save")), 6: read(state, "ip6tables-mangle", (t) => parseIptablesSave(t, "ip6tables-save")) };
  const viaIptables = ([4, 6] as const).filter((f) => nfTablesBackend(state, f) && iptables[f] !== null && !("failed" in iptables[f]!));
  const nft = read(state, "nft-ruleset", (t) => parseNftRuleset(t, "nft list ruleset"), (t) => withoutIptablesTables(t, viaIptables));
  const rules = new Map<Family, ImportedMarkRule[]>();
  const notCompared: NotCompared[] = [];
  const notes: string[] = [];
  for (const family of [4, 6] as const) {
    const sources = [iptables[family], nft];
    const failed = sources.filter((s): s is { failed: string } => s !== null && "failed" in s);
    if (failed.length > 0) {
      notCompared.push({ what: `IPv${family} marks`, reason: failed.map((f) => f.failed).join("; ") });
      continue;
    }
    const usable = sources.filter((s): s is { rules: ImportedMarkRule[]; notes: string[] } => s !== null);
    if (usable.length === 0) {
      notCompared.push({ what: `IPv${family} marks`, reason: `neither ${family === 4 ? "iptables-save" : "ip6tables-save"} nor nft is installed on the router` });
      continue;
    }
    rules.set(family, usable.flatMap((s) => s.rules.filter((r) => r.family === family)));
  }
  for (const s of [iptables[4], iptables[6], nft]) if (s && "notes" in s) notes.push(...s.notes);
  return { rules, notCompared, notes: [...new Set(notes)] };
}

const ports = (diffs: readonly MarkDifference[]) => diffs.map((d) => formatRange(d, "-")).join(",");

function describeDifference(key: string, diffs: MarkDifference[], bundleOf: (mark: number, vip: string) => string | undefined): DriftFinding {
  const [, vip, protocol] = key.split(" ") as [string, string, string];
  const { expected, actual } = diffs[0]!;
  const where = `${protocol} ${vip} port${diffs.length > 1 || diffs[0]!.lo !== diffs[0]!.hi ? "s" : ""} ${ports(diffs)}`;
  const bundle = bundleOf(expected, vip);
  const object = bundle ? `bundle ${bundle} (mark ${expected})` : `${protocol} ${vip}`;
  if (actual === 0) return { kind: "missing", area: "mark", object, detail: `${where}: mark ${expected} is not set on the router` };
  if (expected === 0) return { kind: "extra", area: "mark", object, detail: `${where}: the router sets mark ${actual}, which no bundle asks for` };
  return { kind: "different", area: "mark", object, detail: `${where}: the router sets mark ${actual}, the document says ${expected}` };
}

/** Marks missing, extra or different per VIP/protocol/port between the document and the router's rules. */
export function compareMarks(doc: LvsDocument, actual: Map<Family, ImportedMarkRule[]>): DriftFinding[] {
  const ruleSets = markRuleSets(doc);
  const expectedRules: MarkRuleLike[] = ruleSets.filter((s) => actual.has(s.family));
  const expected = effectiveMarks(expectedRules);
  const got = effectiveMarks([...actual.values()].flat());
  const bundleOf = (mark: number, vip: string) => ruleSets.find((s) => s.mark === mark && s.vip === vip)?.name;
  const findings: DriftFinding[] = [];
  const keys = [...new Set([...expected.keys(), ...got.keys()])].sort();
  for (const key of keys) {
    const groups = new Map<string, MarkDifference[]>();
    for (const d of diffSegments(expected.get(key) ?? [], got.get(key) ?? [])) {
      const g = `${d.expected}/${d.actual}`;
      groups.set(g, [...(groups.get(g) ?? []), d]);
    }
    for (const diffs of groups.values()) findings.push(describeDifference(key, diffs, bundleOf));
  }
  return findings;
}
