import { parseAddress, type Family } from "../model/address";
import type { L4Protocol } from "../model/bundles";
import { normalizeRanges, parsePortSpec, type PortRange } from "../model/ports";
import type { RuleMatch } from "./iptables-rule";
import { mergeMatch } from "./mangle-chains";
import { ALL_PORTS, MARK_ALLOWED, MAX_MARK, type ImportedMarkRule, type MarkRulesResult } from "./mark-rules";
import { checkReadable, MessageLog } from "./messages";
import { parseNftSyntax, wordOf, type NftStatement, type NftToken } from "./nft-syntax";
import { parseUnsigned } from "./words";

type KeyPart = "daddr" | "proto" | "dport";
interface NftMap { key: KeyPart[] | null; elements: { key: NftToken[][]; value: NftToken[]; line: number }[] }
interface Chain { table: string; family: string; name: string; hook?: string; priority: number; order: number; rules: NftStatement[] }
interface Ctx { log: MessageLog; chains: Map<string, Chain>; maps: Map<string, NftMap>; out: ImportedMarkRule[] }

const PRIORITIES: Record<string, number> = { raw: -300, mangle: -150, dstnat: -100, filter: 0, security: 50, srcnat: 100 };
const MAX_DEPTH = 64;

/** Reads `nft list ruleset` output: marks set in prerouting base chains, per rule or through a map. */
export function parseNftRuleset(text: string, file: string): MarkRulesResult {
  const log = new MessageLog(file);
  if (!checkReadable(text, log)) return { rules: [], messages: log.messages };
  const syntax = parseNftSyntax(text);
  if (!syntax.ok) {
    log.error(syntax.line, syntax.column, syntax.message);
    return { rules: [], messages: log.messages };
  }
  const ctx: Ctx = { log, chains: new Map(), maps: new Map(), out: [] };
  for (const st of syntax.statements) collectTable(st, ctx);
  const bases = [...ctx.chains.values()].filter((c) => c.hook === "prerouting").sort((a, b) => a.priority - b.priority || a.order - b.order);
  for (const c of bases) walk(c, {}, [], ctx);
  return { rules: ctx.out, messages: log.messages };
}

function collectTable(st: NftStatement, ctx: Ctx): void {
  const [kw, family, name] = st.tokens.map(wordOf);
  if (kw === "flush" || kw === "delete" || (kw === "table" && !st.block)) return;
  if (kw !== "table" || !st.block) {
    ctx.log.warn(st.line, `${JSON.stringify(kw)} outside a table not imported: allowed: nft list ruleset output (table FAMILY NAME { … })`);
    return;
  }
  const fam = name === undefined ? "ip" : (family ?? "ip");
  const table = name ?? family ?? "";
  for (const inner of st.block) {
    const [what, objName] = inner.tokens.map(wordOf);
    const key = `${fam} ${table} ${objName}`;
    if (what === "chain" && inner.block) ctx.chains.set(key, readChain(fam, table, objName ?? "", inner.block, ctx.chains.size));
    else if (what === "map" && inner.block) ctx.maps.set(key, readMap(inner.block, ctx.log));
  }
}

function readChain(family: string, table: string, name: string, body: NftStatement[], order: number): Chain {
  const chain: Chain = { table, family, name, priority: 0, order, rules: [] };
  for (const st of body) {
    const w = st.tokens.map(wordOf);
    if (w[0] === "type") {
      chain.hook = w[w.indexOf("hook") + 1];
      const p = w[w.indexOf("priority") + 1] ?? "0";
      chain.priority = PRIORITIES[p] ?? (Number.parseInt(p, 10) || 0);
    } else if (w[0] === "policy" || w[0] === "comment" || w[0] === "devices") continue;
    else chain.rules.push(st);
  }
  return chain;
}

function readMap(body: NftStatement[], log: MessageLog): NftMap {
  const map: NftMap = { key: null, elements: [] };
  for (const st of body) {
    const w = st.tokens.map(wordOf);
    if (w[0] === "type" || w[0] === "typeof") {
      const colon = w.indexOf(":");
      const parts = w.slice(1, colon).filter((x) => x !== ".");
      const key = parts.map(keyPartOfType);
      map.key = key.every((k): k is KeyPart => k !== null) && w[colon + 1] === "mark" ? key : null;
      if (!map.key) log.warn(st.line, `map of type ${w.slice(1).join(" ")} not imported: only maps from address, protocol and port to mark are carried`);
    } else if (w[0] === "elements") {
      const set = st.tokens.find((t) => t.kind === "set");
      for (const el of set?.kind === "set" ? set.elements : []) {
        const colon = el.findIndex((t) => wordOf(t) === ":");
        map.elements.push({ key: splitConcat(el.slice(0, colon)), value: el.slice(colon + 1), line: el[0]?.line ?? st.line });
      }
    }
  }
  return map;
}

function keyPartOfType(t: string): KeyPart | null {
  if (t === "ipv4_addr" || t === "ipv6_addr" || t === "daddr") return "daddr";
  if (t === "inet_proto" || t === "l4proto") return "proto";
  if (t === "inet_service" || t === "dport") return "dport";
  return null;
}

function splitConcat(tokens: NftToken[]): NftToken[][] {
  const parts: NftToken[][] = [[]];
  for (const t of tokens) {
    if (wordOf(t) === ".") parts.push([]);
    else parts.at(-1)?.push(t);
  }
  return parts;
}

function walk(chain: Chain, cond: RuleMatch, stack: string[], ctx: Ctx): void {
  for (const st of chain.rules) {
    const r = readRule(st.tokens, chain, ctx);
    if (typeof r === "string") {
      if (r !== "") ctx.log.warn(st.line, `rule not imported: ${r}`);
      continue;
    }
    for (const m of r.matches) {
      const match = mergeMatch(cond, m);
      if (!match) continue;
      if (r.action.kind === "mark") emit(match, r.action.mark, st.line, r.comment, ctx);
      else if (r.action.kind === "map") emitMap(match, r.action, st.line, ctx);
      else if (r.action.kind === "jump") {
        const target = ctx.chains.get(`${chain.family} ${chain.table} ${r.action.chain}`);
        if (!target) ctx.log.warn(st.line, `jump to ${r.action.chain}, a chain not in this ruleset; not followed`);
        else if (stack.includes(target.name) || stack.length >= MAX_DEPTH) ctx.log.warn(st.line, `jump to ${r.action.chain} loops or nests too deep; not followed`);
        else walk(target, match, [...stack, chain.name], ctx);
      } else if (r.action.kind === "return" && isEmpty(m)) return;
    }
  }
}

type Action = { kind: "mark"; mark: number } | { kind: "map"; key: KeyPart[]; map: NftMap } | { kind: "jump"; chain: string } | { kind: "return" } | { kind: "none" };
interface Rule { matches: RuleMatch[]; action: Action; comment?: string }

const PROTO_WORDS: Record<string, L4Protocol> = { tcp: "tcp", udp: "udp", "6": "tcp", "17": "udp" };

// One rule: the matches it makes (a set of VIPs or protocols becomes several),
// then what it does. "" means "nothing to import and nothing worth a warning".
function readRule(tokens: NftToken[], chain: Chain, ctx: Ctx): Rule | string {
  let matches: RuleMatch[] = [{}];
  let action: Action = { kind: "none" };
  let comment: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const w = wordOf(tokens[i]);
    const a = wordOf(tokens[i + 1]);
    if (w === "counter") {
      while (["packets", "bytes"].includes(wordOf(tokens[i + 1]))) i += 2;
    } else if (w === "comment") comment = wordOf(tokens[++i]);
    else if ((w === "ip" || w === "ip6") && a === "daddr") {
      const vips = addresses(tokens[i + 2]);
      if (typeof vips === "string") return vips;
      matches = matches.flatMap((m) => vips.map((vip) => ({ ...m, vip })));
      i += 2;
    } else if ((w === "meta" && a === "l4proto") || (w === "ip" && a === "protocol") || (w === "ip6" && a === "nexthdr")) {
      const protos = values(tokens[i + 2]).map((p) => PROTO_WORDS[p]);
      if (protos.some((p) => p === undefined)) return `${w} ${a} ${values(tokens[i + 2]).join(",")} (only tcp and udp are carried)`;
      matches = matches.flatMap((m) => (protos as L4Protocol[]).map((protocol) => ({ ...m, protocol })));
      i += 2;
    } else if ((w === "tcp" || w === "udp" || w === "th") && a === "dport") {
      const ranges = ports(tokens[i + 2]);
      if (typeof ranges === "string") return ranges;
      matches = matches.map((m) => ({ ...m, ranges, ...(w === "th" ? {} : { protocol: w as L4Protocol }) }));
      if (w !== "th" && matches.some((m) => m.protocol !== w)) return "";
      i += 2;
    } else if ((w === "meta" && a === "mark" && wordOf(tokens[i + 2]) === "set") || (w === "mark" && a === "set")) {
      i += w === "meta" ? 3 : 2;
      const r = markAction(tokens.slice(i), chain, ctx);
      if (typeof r === "string") return r;
      action = r;
      break;
    } else if (w === "jump" || w === "goto") {
      action = { kind: "jump", chain: a };
      break;
    } else if (w === "return") {
      action = { kind: "return" };
      break;
    } else if (w === "accept" || w === "drop") return `verdict ${w} (the model carries only marks; it also ends the chain for the packets it matches)`;
    else if (w === "meta" && a === "nfproto") i += 2;
    else return `${[w, a].filter((x) => x !== "").join(" ")} cannot be expressed by a firewall-mark bundle`;
  }
  if (action.kind === "none") return "";
  return { matches, action, ...(comment === undefined ? {} : { comment }) };
}

function markAction(rest: NftToken[], chain: Chain, ctx: Ctx): Action | string {
  const mapAt = rest.findIndex((t) => wordOf(t) === "map");
  if (mapAt < 0) {
    const v = parseUnsigned(wordOf(rest[0]));
    if (v === null || v > MAX_MARK) return `meta mark set ${wordOf(rest[0])}: allowed: ${MARK_ALLOWED}`;
    return { kind: "mark", mark: v };
  }
  const key: (KeyPart | null)[] = [];
  const words = rest.slice(0, mapAt).map(wordOf).filter((x) => x !== ".");
  for (let i = 0; i < words.length; i += 2) key.push(keyPartOfType(words[i + 1] ?? ""));
  if (key.some((k) => k === null)) return `mark map keyed by ${words.join(" ")} (only daddr, l4proto and dport keys are carried)`;
  const ref = rest[mapAt + 1];
  if (ref?.kind === "set") {
    const elements = ref.elements.map((el) => {
      const colon = el.findIndex((t) => wordOf(t) === ":");
      return { key: splitConcat(el.slice(0, colon)), value: el.slice(colon + 1), line: el[0]?.line ?? ref.line };
    });
    return { kind: "map", key: key as KeyPart[], map: { key: key as KeyPart[], elements } };
  }
  const map = ctx.maps.get(`${chain.family} ${chain.table} ${wordOf(ref).replace(/^@/, "")}`);
  if (!map) return `map ${wordOf(ref)} is not defined in this ruleset`;
  if (!map.key) return "";
  return { kind: "map", key: key as KeyPart[], map };
}

function emitMap(match: RuleMatch, action: { key: KeyPart[]; map: NftMap }, line: number, ctx: Ctx): void {
  for (const el of action.map.elements) {
    let m: RuleMatch | null = match;
    for (const [i, part] of action.key.entries()) {
      const value = el.key[i]?.[0];
      const here = elementMatch(part, value);
      if (typeof here === "string") {
        ctx.log.warn(el.line, `map element not imported: ${here}`);
        m = null;
        break;
      }
      m = m && mergeMatch(m, here);
    }
    const mark = parseUnsigned(wordOf(el.value[0]));
    if (mark === null || mark > MAX_MARK) {
      ctx.log.warn(el.line, `map element not imported: mark ${wordOf(el.value[0])}; allowed: ${MARK_ALLOWED}`);
      continue;
    }
    if (m) emit(m, mark, el.line, undefined, ctx);
  }
  void line;
}

function elementMatch(part: KeyPart, value: NftToken | undefined): RuleMatch | string {
  if (part === "daddr") {
    const a = addresses(value);
    return typeof a === "string" ? a : { vip: a[0] as { family: Family; address: string } };
  }
  if (part === "proto") {
    const p = PROTO_WORDS[wordOf(value)];
    return p ? { protocol: p } : `protocol ${wordOf(value)} (only tcp and udp are carried)`;
  }
  const r = ports(value);
  return typeof r === "string" ? r : { ranges: r };
}

function emit(match: RuleMatch, mark: number, line: number, comment: string | undefined, ctx: Ctx): void {
  if (!match.vip) {
    ctx.log.warn(line, `mark ${mark} on packets to any destination not imported: a bundle needs one VIP (ip daddr ADDRESS)`);
    return;
  }
  if (!match.protocol) ctx.log.note(line, "rule names no protocol: imported for tcp and udp (other protocols are not carried)");
  for (const protocol of match.protocol ? [match.protocol] : (["tcp", "udp"] as const)) {
    ctx.out.push({
      family: match.vip.family, vip: match.vip.address, protocol, ranges: match.ranges ?? [...ALL_PORTS], mark,
      file: ctx.log.file, line, ...(comment === undefined ? {} : { comment }),
    });
  }
}

function values(t: NftToken | undefined): string[] {
  if (t?.kind === "set") return t.elements.map((e) => e.map(wordOf).join(" "));
  return [wordOf(t)];
}

function addresses(t: NftToken | undefined): { family: Family; address: string }[] | string {
  const out: { family: Family; address: string }[] = [];
  for (const v of values(t)) {
    const [addr = "", prefix] = v.split("/");
    const p = parseAddress(addr);
    if (!p) return `daddr ${v} (not an address${v.startsWith("@") ? "; named sets are not carried" : ""})`;
    if (prefix !== undefined && prefix !== (p.family === 4 ? "32" : "128")) return `daddr ${v} (a network, not one VIP)`;
    out.push({ family: p.family, address: p.canonical });
  }
  return out;
}

function ports(t: NftToken | undefined): PortRange[] | string {
  const out: PortRange[] = [];
  for (const v of values(t)) {
    const r = parsePortSpec(v);
    if (!r.ok) return `dport ${v}: ${r.message}`;
    out.push(r.range);
  }
  return normalizeRanges(out);
}

function isEmpty(m: RuleMatch): boolean {
  return m.vip === undefined && m.protocol === undefined && m.ranges === undefined;
}
