import { familyOf } from "../model/address";
import type { RealServer } from "../schema/real-server";
import { diagnostic, type Diagnostic } from "./codes";
import { bundlePath, groupBy, vsPath, type LintContext } from "./context";

/** NAT_WITHOUT_ROUTER: NAT forwarding needs the router real servers route through. */
export function checkNatRouter(ctx: LintContext): Diagnostic[] {
  const c = ctx.doc.cluster;
  return c.network === "nat" && c.natRouter === undefined
    ? [diagnostic("NAT_WITHOUT_ROUTER", "cluster.natRouter", "network is nat but no NAT router (ip, netmask, device) is set; real servers would have no route back")]
    : [];
}

/** DUPLICATE_NAME: bundle names, virtual server names, and real server names within a virtual server. */
export function checkNames(ctx: LintContext): Diagnostic[] {
  // Names are nearly always unique; a Set answers that without grouping every item (100,000 real servers at 10k).
  const unique = <T>(items: T[], name: (t: T) => string) => new Set(items.map(name)).size === items.length;
  const dup = <T>(items: T[], name: (t: T) => string, path: (i: number) => string, kind: string): Diagnostic[] =>
    unique(items, name) ? [] : groupBy(items.map((t, i) => ({ t, i })), (x) => name(x.t)).flatMap((g) =>
      g.slice(1).map((x) => diagnostic("DUPLICATE_NAME", path(x.i), `${kind} name ${name(x.t)} is used more than once`)));
  return [
    ...dup(ctx.doc.firewallMarks, (b) => b.name, (i) => bundlePath(i, "name"), "bundle"),
    ...dup(ctx.doc.virtualServers, (v) => v.name, (i) => vsPath(i, "name"), "virtual server"),
    ...ctx.doc.virtualServers.flatMap((v, vi) =>
      dup(v.realServers, (r) => r.name, (i) => vsPath(vi, `realServers[${i}].name`), `real server (in ${v.name})`)),
  ];
}

// Direct routing and tunnelling deliver the packet as it came: the real server
// must listen on the service port, and no artifact can say otherwise.
function portNotNat(ctx: LintContext, s: LintContext["services"][number], rs: RealServer, path: string): Diagnostic[] {
  const network = ctx.doc.cluster.network;
  if (network === "nat" || rs.port === undefined || rs.port === s.vs.port) return [];
  return [diagnostic("REAL_SERVER_PORT_NOT_NAT", `${path}.port`,
    `real server ${rs.name} has port ${rs.port} but virtual server ${s.vs.name} listens on ${s.vs.port}; ${network === "direct" ? "direct routing" : "tunnelling"} cannot change the destination port (allowed: leave it empty or ${s.vs.port}, or use NAT)`)];
}

/** REAL_SERVER_FAMILY_MISMATCH, REAL_SERVER_PORT_NOT_NAT, NO_REAL_SERVERS and REAL_SERVER_QUIESCED. */
export function checkRealServers(ctx: LintContext): Diagnostic[] {
  const tunnel = ctx.doc.cluster.network === "tunnel";
  return ctx.services.flatMap((s) => {
    const out: Diagnostic[] = [];
    s.vs.realServers.forEach((rs, i) => {
      const path = vsPath(s.index, `realServers[${i}]`);
      if (!tunnel && familyOf(rs.address) !== s.family) {
        out.push(diagnostic("REAL_SERVER_FAMILY_MISMATCH", `${path}.address`,
          `real server ${rs.name} is IPv${familyOf(rs.address)} but VIP ${s.vip} is IPv${s.family}; only tunnelling can mix families`));
      }
      out.push(...portNotNat(ctx, s, rs, path));
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
