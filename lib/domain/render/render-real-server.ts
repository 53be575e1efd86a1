import { documentOf, type ModelInput } from "../model/derive-model";
import { canonicalAddress, familyOf } from "../model/address";
import type { LvsDocument } from "../schema/document";
import type { NetworkType } from "../schema/cluster";
import { bannerLines, toText } from "./text";

// What a real server needs per forwarding method: direct routing holds the VIP
// on lo without answering ARP for it; tunnelling decapsulates IPIP and holds the
// VIP on the tunnel device; NAT only routes replies back through the NAT router.
const HELPERS: Record<NetworkType, { name: string; lines: string[] }> = {
  direct: {
    name: "accept_vip",
    lines: [
      "accept_vip() {",
      '  if [[ $2 == 4 ]]; then',
      "    sysctl -q -w net.ipv4.conf.all.arp_ignore=1 net.ipv4.conf.all.arp_announce=2",
      "    sysctl -q -w net.ipv4.conf.lo.arp_ignore=1 net.ipv4.conf.lo.arp_announce=2",
      '    ip addr replace "$1/32" dev lo',
      "  else",
      '    ip -6 addr replace "$1/128" dev lo',
      "  fi",
      "}",
    ],
  },
  tunnel: {
    name: "accept_tunnel",
    lines: [
      "accept_tunnel() {",
      '  if [[ $2 == 4 ]]; then',
      "    modprobe ipip",
      "    ip link set tunl0 up",
      "    sysctl -q -w net.ipv4.conf.tunl0.rp_filter=0 net.ipv4.conf.all.rp_filter=0",
      '    ip addr replace "$1/32" dev tunl0',
      "  else",
      "    modprobe ip6_tunnel",
      "    ip link set ip6tnl0 up",
      '    ip -6 addr replace "$1/128" dev ip6tnl0',
      "  fi",
      "}",
    ],
  },
  nat: {
    name: "route_via_nat",
    lines: ["route_via_nat() {", '  ip "-$2" route replace default via "$1"', "}"],
  },
};

// A 10,000-service cluster has 100,000 real servers, nearly all listed once.
// Hosts are kept in flat arrays (one slot per address) and only a host seen
// again gets lists: an object and several arrays per host were most of this
// renderer's garbage.
interface Hosts {
  address: string[];
  /** First name, first VIP and first setup step ("" when none). */
  name: string[];
  vip: string[];
  step: string[];
  /** Full lists of the hosts listed more than once, by position. */
  repeated: Map<number, { names: string[]; vips: string[]; steps: string[] }>;
}

const addOnce = (list: string[], item: string) => {
  if (item !== "" && !list.includes(item)) list.push(item);
};

function hostStep(doc: LvsDocument, vipStep: string, address: string): string {
  const c = doc.cluster;
  if (c.network !== "nat") return vipStep;
  if (c.natRouter && familyOf(c.natRouter.ip) === familyOf(address)) {
    return `    ${HELPERS.nat.name} ${canonicalAddress(c.natRouter.ip)} ${familyOf(address)}`;
  }
  return "";
}

// Keyed by address: the same host listed as server-01 in one service and sip-01
// in another is one machine, and it must accept every VIP it serves.
function hostsByAddress(doc: LvsDocument): Hosts {
  const hosts: Hosts = { address: [], name: [], vip: [], step: [], repeated: new Map() };
  const position = new Map<string, number>();
  const helper = HELPERS[doc.cluster.network].name;
  for (const vs of doc.virtualServers) {
    if (!vs.active) continue;
    const vip = canonicalAddress(vs.vip);
    const vipStep = doc.cluster.network === "nat" ? "" : `    ${helper} ${vip} ${familyOf(vs.vip)}`;
    for (const rs of vs.realServers) {
      const address = canonicalAddress(rs.address);
      const step = hostStep(doc, vipStep, rs.address);
      const at = position.get(address);
      if (at === undefined) {
        position.set(address, hosts.address.length);
        hosts.address.push(address);
        hosts.name.push(rs.name);
        hosts.vip.push(vip);
        hosts.step.push(step);
        continue;
      }
      let lists = hosts.repeated.get(at);
      if (!lists) {
        lists = { names: [hosts.name[at]!], vips: [hosts.vip[at]!], steps: hosts.step[at] === "" ? [] : [hosts.step[at]!] };
        hosts.repeated.set(at, lists);
      }
      addOnce(lists.names, rs.name);
      addOnce(lists.vips, vip);
      addOnce(lists.steps, step);
    }
  }
  return hosts;
}

// Joined at once into one flat string: the arms otherwise survive as trees of
// small strings until the final join. Names and addresses are schema-checked
// ([A-Za-z0-9_.-], hex digits and colons), so they are safe as case patterns.
function caseArm(address: string, names: readonly string[], vips: readonly string[], steps: readonly string[], ambiguous: ReadonlySet<string>): string {
  let patterns = address;
  for (const n of names) if (n !== address && !ambiguous.has(n)) patterns += `|${n}`;
  const stepLines = steps.length === 0 ? "" : `\n${steps.join("\n")}`;
  return `  ${patterns})\n    # real server ${address} (${names.join(", ")}) serves VIPs ${vips.join(", ")}${stepLines}\n`
    + `    printf 'lvs-console real-server: %s is ready for VIPs %s\\n' ${address} '${vips.join(" ")}'\n    ;;`;
}

// A name listed with two addresses (a dual-stack host, or two hosts sharing a
// name) cannot say which host it means; the script asks for the address.
function ambiguousNames(hosts: Hosts): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  hosts.address.forEach((address, i) => {
    for (const name of hosts.repeated.get(i)?.names ?? [hosts.name[i]!]) {
      const addresses = byName.get(name);
      if (addresses) addresses.push(address);
      else byName.set(name, [address]);
    }
  });
  return new Map([...byName].filter(([, addresses]) => addresses.length > 1));
}

function ambiguousArm(name: string, addresses: readonly string[]): string {
  return [`  ${name})`, `    die "real-server name ${name} is used by ${addresses.join(", ")}; run once with each address"`, "    ;;"].join("\n");
}

/** A script each real server runs as root with its address (or a name) to accept its VIPs (or route via the NAT router). */
export function renderRealServer(input: ModelInput): string {
  const doc = documentOf(input);
  const hosts = hostsByAddress(doc);
  const ambiguous = ambiguousNames(hosts);
  const skip = new Set(ambiguous.keys());
  const used = hosts.step.some((s) => s !== "") || [...hosts.repeated.values()].some((l) => l.steps.length > 0);
  const arms = hosts.address.map((address, i) => {
    const lists = hosts.repeated.get(i);
    if (lists) return caseArm(address, lists.names, lists.vips, lists.steps, skip);
    return caseArm(address, [hosts.name[i]!], [hosts.vip[i]!], hosts.step[i] === "" ? [] : [hosts.step[i]!], skip);
  });
  arms.push(...[...ambiguous].map(([name, addresses]) => ambiguousArm(name, addresses)));
  const choices = hosts.address.length > 0 ? hosts.address.join(" ") : "(no real servers)";
  return toText([
    "#!/usr/bin/env bash",
    ...bannerLines("#", doc, `Real-server setup for ${doc.cluster.network} forwarding; run as root: real-server.sh ADDRESS (or a real-server name)`),
    "set -euo pipefail",
    "",
    "die() {",
    "  printf 'lvs-console real-server: %s\\n' \"$*\" >&2",
    "  exit 1",
    "}",
    "",
    '[[ ${EUID} -eq 0 ]] || die "must run as root"',
    "",
    ...(used ? [...HELPERS[doc.cluster.network].lines, ""] : []),
    'case "${1:-}" in',
    ...arms,
    "  *)",
    `    die "usage: real-server.sh ADDRESS, where ADDRESS is one of: ${choices} (or one of their real-server names)"`,
    "    ;;",
    "esac",
  ]);
}
