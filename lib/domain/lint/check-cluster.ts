import { familyOf } from "../model/address";
import type { Repeat } from "../model/repeats";
import type { RealServer } from "../schema/real-server";
import { diagnostic, type Diagnostic } from "./codes";
import { bundlePath, groupBy, vsPath, type DerivedModel, type ModelVirtualServer } from "./context";

/** NAT_WITHOUT_ROUTER: NAT forwarding needs the router real servers route through. */
export function checkNatRouter(model: DerivedModel): Diagnostic[] {
  const c = model.doc.cluster;
  return c.network === "nat" && c.natRouter === undefined
    ? [diagnostic("NAT_WITHOUT_ROUTER", "cluster.natRouter", "network is nat but no NAT router (ip, netmask, device) is set; real servers would have no route back")]
    : [];
}

// Grouped as the message reads: every repeat of the first repeated name, then of the next.
const byFirstUse = <T extends Repeat>(repeats: readonly T[]): T[] => [...repeats].sort((a, b) => a.first - b.first);

/** DUPLICATE_NAME: bundle names, virtual server names, and real server names within a virtual server. */
export function checkNames(model: DerivedModel): Diagnostic[] {
  const { doc, repeats } = model;
  const vsName = (vi: number) => doc.virtualServers[vi]!.name;
  const realServers = groupBy(repeats.realServerNames, (r) => String(r.virtualServer)).flatMap((group) => byFirstUse(group));
  return [
    ...byFirstUse(repeats.bundleNames).map(({ index }) =>
      diagnostic("DUPLICATE_NAME", bundlePath(index, "name"), `bundle name ${doc.firewallMarks[index]!.name} is used more than once`)),
    ...byFirstUse(repeats.virtualServerNames).map(({ index }) =>
      diagnostic("DUPLICATE_NAME", vsPath(index, "name"), `virtual server name ${vsName(index)} is used more than once`)),
    ...realServers.map(({ virtualServer: vi, index }) => diagnostic("DUPLICATE_NAME", vsPath(vi, `realServers[${index}].name`),
      `real server (in ${vsName(vi)}) name ${doc.virtualServers[vi]!.realServers[index]!.name} is used more than once`)),
  ];
}

// Direct routing and tunnelling deliver the packet as it came: the real server
// must listen on the service port, and no artifact can say otherwise.
function portNotNat(model: DerivedModel, s: ModelVirtualServer, rs: RealServer, path: string): Diagnostic[] {
  const network = model.doc.cluster.network;
  if (network === "nat" || rs.port === undefined || rs.port === s.vs.port) return [];
  return [diagnostic("REAL_SERVER_PORT_NOT_NAT", `${path}.port`,
    `real server ${rs.name} has port ${rs.port} but virtual server ${s.vs.name} listens on ${s.vs.port}; ${network === "direct" ? "direct routing" : "tunnelling"} cannot change the destination port (allowed: leave it empty or ${s.vs.port}, or use NAT)`)];
}

/** REAL_SERVER_FAMILY_MISMATCH, REAL_SERVER_PORT_NOT_NAT, NO_REAL_SERVERS and REAL_SERVER_QUIESCED. */
export function checkRealServers(model: DerivedModel): Diagnostic[] {
  const tunnel = model.doc.cluster.network === "tunnel";
  return model.virtualServers.flatMap((s) => {
    const out: Diagnostic[] = [];
    s.vs.realServers.forEach((rs, i) => {
      const path = vsPath(s.index, `realServers[${i}]`);
      if (!tunnel && familyOf(rs.address) !== s.family) {
        out.push(diagnostic("REAL_SERVER_FAMILY_MISMATCH", `${path}.address`,
          `real server ${rs.name} is IPv${familyOf(rs.address)} but VIP ${s.vip} is IPv${s.family}; only tunnelling can mix families`));
      }
      out.push(...portNotNat(model, s, rs, path));
      if (s.vs.active && rs.active && rs.weight === 0) {
        out.push(diagnostic("REAL_SERVER_QUIESCED", `${path}.weight`, `real server ${rs.name} is active with weight 0: quiesced, it takes no new connections`));
      }
    });
    if (s.vs.active && !s.vs.realServers.some((r) => r.active)) {
      out.push(diagnostic("NO_REAL_SERVERS", vsPath(s.index, "realServers"), `virtual server ${s.vs.name} is active but has no active real server`));
    }
    return out;
  });
}
