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

// A 10,000-service cluster has 100,000 real servers, nearly all named once.
// Hosts are kept in flat arrays (first address, first step) and only a name
// seen again gets lists: an object and two arrays per host were most of this
// renderer's garbage.
interface Hosts {
  names: string[];
  address: string[];
  /** First setup step, "" when none. */
  step: string[];
  /** Full lists of the hosts whose name occurs more than once, by position. */
  repeated: Map<number, { addresses: string[]; steps: string[] }>;
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

function hostsByName(doc: LvsDocument): Hosts {
  const hosts: Hosts = { names: [], address: [], step: [], repeated: new Map() };
  const position = new Map<string, number>();
  const helper = HELPERS[doc.cluster.network].name;
  for (const vs of doc.virtualServers) {
    if (!vs.active) continue;
    const vipStep = doc.cluster.network === "nat" ? "" : `    ${helper} ${canonicalAddress(vs.vip)} ${familyOf(vs.vip)}`;
    for (const rs of vs.realServers) {
      const address = canonicalAddress(rs.address);
      const step = hostStep(doc, vipStep, rs.address);
      const at = position.get(rs.name);
      if (at === undefined) {
        position.set(rs.name, hosts.names.length);
        hosts.names.push(rs.name);
        hosts.address.push(address);
        hosts.step.push(step);
        continue;
      }
      let lists = hosts.repeated.get(at);
      if (!lists) {
        lists = { addresses: [hosts.address[at]!], steps: hosts.step[at] === "" ? [] : [hosts.step[at]!] };
        hosts.repeated.set(at, lists);
      }
      addOnce(lists.addresses, address);
      addOnce(lists.steps, step);
    }
  }
  return hosts;
}

// Joined at once into one flat string: the arms otherwise survive as trees of
// small strings until the final join.
function caseArm(name: string, addresses: string, steps: readonly string[]): string {
  return [
    `  ${name})`,
    `    # real server ${name} at ${addresses}`,
    ...steps,
    `    printf 'lvs-console real-server: %s is ready\\n' ${name}`,
    "    ;;",
  ].join("\n");
}

/** A script each real server runs as root with its own name to accept its VIPs (or route via the NAT router). */
export function renderRealServer(doc: LvsDocument): string {
  const hosts = hostsByName(doc);
  const names = hosts.names;
  const used = hosts.step.some((s) => s !== "") || [...hosts.repeated.values()].some((l) => l.steps.length > 0);
  const arms = names.map((name, i) => {
    const lists = hosts.repeated.get(i);
    if (lists) return caseArm(name, lists.addresses.join(", "), lists.steps);
    return caseArm(name, hosts.address[i]!, hosts.step[i] === "" ? [] : [hosts.step[i]!]);
  });
  return toText([
    "#!/usr/bin/env bash",
    ...bannerLines("#", doc, `Real-server setup for ${doc.cluster.network} forwarding; run as root: real-server.sh NAME`),
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
    `    die "usage: real-server.sh NAME, where NAME is one of: ${names.length > 0 ? names.join(" ") : "(no real servers)"}"`,
    "    ;;",
    "esac",
  ]);
}
