import { familyOf } from "../model/address";
import { formatRange, rangeContains, rangesOverlap } from "../model/ports";
import { diagnostic, type Diagnostic } from "./codes";
import { bundlePath, groupBy, indexBy, markKey, type DerivedModel, type ModelBundle } from "./context";

const FTP_CONTROL = 21;

// MARK does not stop traversal: with two bundles on one VIP, protocol and port
// the later rule silently wins, so the overlap is an error, not a choice.
/** BUNDLE_OVERLAP: two bundles claiming the same VIP, protocol and port. */
export function checkBundleOverlap(model: DerivedModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Only bundles on one family and VIP can overlap; comparing within those groups keeps lint linear.
  const byVip = indexBy(model.bundles, (b) => `${b.family}/${b.vip}`);
  model.bundles.forEach((b) => {
    for (const a of byVip.get(`${b.family}/${b.vip}`) ?? []) {
      if (a.index >= b.index) break;
      const protocols = b.protocols.filter((p) => a.protocols.includes(p));
      if (protocols.length === 0) continue;
      for (const port of b.ports) {
        const hit = a.ports.find((p) => rangesOverlap(p.range, port.range));
        if (!hit) continue;
        out.push(diagnostic("BUNDLE_OVERLAP", bundlePath(b.index, `ports[${port.index}]`),
          `port ${formatRange(port.range, "-")} (${protocols.join("+")}) on ${b.vip} is already marked ${a.mark} by bundle ${a.name}; the later rule would win. Give each VIP/protocol/port one bundle.`));
      }
    }
  });
  return out;
}

/** DUPLICATE_MARK: one mark on two bundles of a family; MARK_INCONSISTENT when a mark spans both families. */
export function checkMarkUse(model: DerivedModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const group of groupBy(model.bundles, (b) => String(b.mark))) {
    const first = group[0];
    if (!first) continue;
    for (const b of group.slice(1)) {
      if (b.family === first.family) {
        out.push(diagnostic("DUPLICATE_MARK", bundlePath(b.index, "mark"),
          `mark ${b.mark} is already used by bundle ${first.name} for IPv${b.family}; marks are unique per cluster and family`));
      } else {
        out.push(diagnostic("MARK_INCONSISTENT", bundlePath(b.index, "mark"),
          `mark ${b.mark} is used for IPv${first.family} (bundle ${first.name}) and IPv${b.family} (bundle ${b.name}); IPVS keeps a separate service per family, consider distinct marks`));
      }
    }
  }
  return out;
}

/** BUNDLE_WITHOUT_VIRTUAL_SERVER: a bundle whose mark no active virtual server of its family uses. */
export function checkUnusedBundles(model: DerivedModel): Diagnostic[] {
  const used = new Set(model.markServers.map((s) => markKey(s.family, s.mark)));
  return model.bundles
    .filter((b) => !used.has(markKey(b.family, b.mark)))
    .map((b) => diagnostic("BUNDLE_WITHOUT_VIRTUAL_SERVER", bundlePath(b.index),
      `bundle ${b.name} marks packets with ${b.mark}, but no active IPv${b.family} virtual server uses firewall mark ${b.mark}`));
}

/** BUNDLE_PORTS_MERGED: ports inside one bundle that overlap each other. */
export function checkBundlePorts(model: DerivedModel): Diagnostic[] {
  return model.bundles.flatMap((b) =>
    b.ports.flatMap((p, i) => {
      const earlier = b.ports.slice(0, i).find((q) => rangesOverlap(q.range, p.range));
      return earlier ? [diagnostic("BUNDLE_PORTS_MERGED", bundlePath(b.index, `ports[${p.index}]`),
        `port ${formatRange(p.range, "-")} overlaps ${formatRange(earlier.range, "-")} in the same bundle; they are merged`)] : [];
    }),
  );
}

function isFtp(b: ModelBundle): boolean {
  return b.protocols.includes("tcp") && b.ports.some((p) => rangeContains(p.range, FTP_CONTROL));
}

// Passive FTP opens data connections on other ports: under NAT IPVS rewrites
// them with the ip_vs_ftp helper; under DR/TUN persistence keeps them together.
/** FTP_NEEDS_HELPER, FTP_NAT_NOT_MASQUERADED and FTP_WITHOUT_PERSISTENCE for bundles carrying FTP control (tcp/21). */
export function checkFtp(model: DerivedModel): Diagnostic[] {
  const network = model.doc.cluster.network;
  const ftp = model.bundles.filter(isFtp);
  if (ftp.length === 0) return [];
  const services = indexBy(model.markServers, (s) => markKey(s.family, s.mark));
  return ftp.flatMap((b) => {
    if (network === "nat") {
      const router = model.doc.cluster.natRouter;
      // The manuals' active-FTP masquerade needs the real-server network, taken from the NAT router.
      const unmasked = router !== undefined && familyOf(router.ip) !== b.family
        ? [diagnostic("FTP_NAT_NOT_MASQUERADED", bundlePath(b.index),
          `bundle ${b.name} carries IPv${b.family} FTP under NAT, but the NAT router is IPv${familyOf(router.ip)}: the rule artifacts carry no active-FTP MASQUERADE for its real servers; add it by hand`)]
        : [];
      return [diagnostic("FTP_NEEDS_HELPER", bundlePath(b.index),
        `bundle ${b.name} carries FTP under NAT: load the ip_vs_ftp module (modprobe ip_vs_ftp) on both routers; the router-setup script loads it at boot`), ...unmasked];
    }
    const users = services.get(markKey(b.family, b.mark)) ?? [];
    const persistent = users.some((s) => (s.vs.persistence?.timeoutSeconds ?? 0) > 0);
    return users.length > 0 && !persistent
      ? [diagnostic("FTP_WITHOUT_PERSISTENCE", bundlePath(b.index),
        `bundle ${b.name} carries FTP with ${network} forwarding; set a persistence timeout on its virtual servers so data connections reach the same real server`)]
      : [];
  });
}
