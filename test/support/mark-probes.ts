import { markRuleSets } from "@/lib/domain/model/bundles";
import type { Family } from "@/lib/domain/model/address";
import type { LvsDocument } from "@/lib/domain/schema";
import type { Netns } from "./netns";

/** One probe: a connection attempt to VIP:port that should leave with `mark` (0 = unmarked). */
export interface Probe {
  family: Family;
  vip: string;
  protocol: "tcp" | "udp";
  port: number;
  mark: number;
}

const CLIENT = { 4: "10.200.0.1", 6: "fd00:200::1" } as const;
/** The counter chain the probes are read back from. */
export const PROBE_CHAIN = "LVS-PROBE";

// Each bundle port range is probed at its ends and middle, and each VIP and
// protocol once on a port no bundle claims, which must stay unmarked.
/** Probes covering every bundle of a document. */
export function probesFor(doc: LvsDocument): Probe[] {
  const sets = markRuleSets(doc);
  const probes: Probe[] = [];
  for (const s of sets) {
    for (const r of s.ranges) {
      for (const port of new Set([r.lo, Math.floor((r.lo + r.hi) / 2), r.hi])) probes.push({ family: s.family, vip: s.vip, protocol: s.protocol, port, mark: s.mark });
    }
  }
  for (const s of sets) {
    const claimed = sets.filter((o) => o.vip === s.vip && o.protocol === s.protocol).flatMap((o) => o.ranges);
    let port = 1;
    while (claimed.some((r) => r.lo <= port && port <= r.hi)) port++;
    if (!probes.some((p) => p.vip === s.vip && p.protocol === s.protocol && p.mark === 0)) {
      probes.push({ family: s.family, vip: s.vip, protocol: s.protocol, port, mark: 0 });
    }
  }
  return probes;
}

const tool = (family: Family) => (family === 4 ? "iptables" : "ip6tables");

/** Makes every probed VIP local on the router (so it answers at once) and adds one counter rule per probe. */
export function armProbes(router: Netns, probes: readonly Probe[]): void {
  for (const vip of new Set(probes.map((p) => `${p.family}/${p.vip}`))) {
    const [family, address] = vip.split("/") as [string, string];
    router.exec("ip", [`-${family}`, "addr", "add", `${address}/${family === "4" ? 32 : 128}`, "dev", "lo"]);
  }
  for (const family of [4, 6] as const) {
    router.exec(tool(family), ["-w", "-t", "mangle", "-N", PROBE_CHAIN]);
    router.exec(tool(family), ["-w", "-t", "mangle", "-A", "PREROUTING", "-j", PROBE_CHAIN]);
  }
  for (const p of probes) {
    router.exec(tool(p.family), ["-w", "-t", "mangle", "-A", PROBE_CHAIN, "-s", CLIENT[p.family], "-d", p.vip, "-p", p.protocol,
      "--dport", String(p.port), "-m", "mark", "--mark", String(p.mark)]);
  }
}

/** Sends every probe from the client: a TCP connect attempt or one UDP datagram. */
export function sendProbes(client: Netns, probes: readonly Probe[]): void {
  const lines = probes.map((p) => p.protocol === "tcp"
    ? `timeout 2 bash -c 'exec 3<>/dev/tcp/${p.vip}/${p.port}' 2>/dev/null || true`
    : `echo probe 2>/dev/null >/dev/udp/${p.vip}/${p.port} || true`);
  client.exec("bash", ["-c", lines.join("\n")]);
}

/** Packet counts of the probe rules, in probe order (per family, as added). */
export function probeCounts(router: Netns, probes: readonly Probe[]): number[] {
  const counts = { 4: [] as number[], 6: [] as number[] };
  for (const family of [4, 6] as const) {
    const saved = router.exec(`${tool(family)}-save`, ["-c", "-t", "mangle"]);
    for (const line of saved.split("\n")) {
      const m = new RegExp(`^\\[(\\d+):\\d+\\] -A ${PROBE_CHAIN} `).exec(line);
      if (m) counts[family].push(Number(m[1]));
    }
  }
  const next = { 4: 0, 6: 0 };
  return probes.map((p) => counts[p.family][next[p.family]++] ?? -1);
}

/** iptables-save and ip6tables-save of the mangle table without timestamps or counters. */
export function saveMangle(ns: Netns): string {
  return ["iptables-save", "ip6tables-save"]
    .map((cmd) => ns.exec(cmd, ["-t", "mangle"]).split("\n").filter((l) => !l.startsWith("#")).join("\n").replace(/\[\d+:\d+\]/g, "[0:0]"))
    .join("\n");
}

/** Adds nft counters (after the mangle hook) for each probe, in a table of their own. */
export function armNftProbes(router: Netns, probes: readonly Probe[]): void {
  for (const vip of new Set(probes.map((p) => `${p.family}/${p.vip}`))) {
    const [family, address] = vip.split("/") as [string, string];
    router.exec("ip", [`-${family}`, "addr", "add", `${address}/${family === "4" ? 32 : 128}`, "dev", "lo"]);
  }
  const rules = probes.map((p) => {
    const ip = p.family === 4 ? "ip" : "ip6";
    return `\t\t${ip} saddr ${CLIENT[p.family]} ${ip} daddr ${p.vip} ${p.protocol} dport ${p.port} meta mark ${p.mark} counter`;
  });
  router.exec("nft", ["-f", "-"], ["table inet lvs_probe {", "\tchain count {", "\t\ttype filter hook prerouting priority -140; policy accept;", ...rules, "\t}", "}", ""].join("\n"));
}

/** Packet counts of the nft probe counters, in probe order. */
export function nftProbeCounts(router: Netns): number[] {
  const listing = router.exec("nft", ["list", "chain", "inet", "lvs_probe", "count"]);
  return [...listing.matchAll(/counter packets (\d+)/g)].map((m) => Number(m[1]));
}

/** iptables-save and ip6tables-save of the mangle and nat tables without timestamps or counters. */
export function saveTables(ns: Netns): string {
  return ["iptables-save", "ip6tables-save"]
    .flatMap((cmd) => ["mangle", "nat"].map((table) => ns.exec(cmd, ["-t", table])))
    .map((text) => text.split("\n").filter((l) => !l.startsWith("#")).join("\n").replace(/\[\d+:\d+\]/g, "[0:0]"))
    .join("\n");
}
