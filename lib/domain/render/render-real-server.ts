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

// Most hosts serve one VIP, so small arrays with an includes() check stand in
// for Sets: a 10,000-service cluster has 100,000 hosts and two Sets each were
// a large share of the renderer's time.
interface Host {
  addresses: string[];
  steps: string[];
}

const addOnce = (list: string[], item: string) => {
  if (!list.includes(item)) list.push(item);
};

function hostsByName(doc: LvsDocument): Map<string, Host> {
  const hosts = new Map<string, Host>();
  const c = doc.cluster;
  const helper = HELPERS[c.network].name;
  for (const vs of doc.virtualServers) {
    if (!vs.active) continue;
    const vipStep = c.network === "nat" ? "" : `    ${helper} ${canonicalAddress(vs.vip)} ${familyOf(vs.vip)}`;
    for (const rs of vs.realServers) {
      let host = hosts.get(rs.name);
      if (!host) {
        host = { addresses: [], steps: [] };
        hosts.set(rs.name, host);
      }
      addOnce(host.addresses, canonicalAddress(rs.address));
      if (c.network !== "nat") addOnce(host.steps, vipStep);
      else if (c.natRouter && familyOf(c.natRouter.ip) === familyOf(rs.address)) {
        addOnce(host.steps, `    ${helper} ${canonicalAddress(c.natRouter.ip)} ${familyOf(rs.address)}`);
      }
    }
  }
  return hosts;
}

// Joined at once into one flat string: the arms of 100,000 hosts otherwise
// survive as trees of small strings until the final join.
function caseArm(name: string, h: Host): string {
  return [
    `  ${name})`,
    `    # real server ${name} at ${h.addresses.join(", ")}`,
    ...h.steps,
    `    printf 'lvs-console real-server: %s is ready\\n' ${name}`,
    "    ;;",
  ].join("\n");
}

/** A script each real server runs as root with its own name to accept its VIPs (or route via the NAT router). */
export function renderRealServer(doc: LvsDocument): string {
  const hosts = hostsByName(doc);
  const names = [...hosts.keys()];
  const used = [...hosts.values()].some((h) => h.steps.length > 0);
  const arms = [...hosts.entries()].map(([name, h]) => caseArm(name, h));
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
