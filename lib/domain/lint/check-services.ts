import { rangeContains } from "../model/ports";
import { maskPrefix } from "../schema/primitives";
import { diagnostic, type Diagnostic } from "./codes";
import { groupBy, indexBy, markKey, vsPath, type DerivedModel, type ModelVirtualServer } from "./context";

/** FWMARK_WITHOUT_BUNDLE and MARK_INCONSISTENT between a mark service and its bundle. */
export function checkMarkBundles(model: DerivedModel): Diagnostic[] {
  const byMark = indexBy(model.bundles, (b) => markKey(b.family, b.mark));
  const marks = new Set(model.bundles.map((b) => b.mark));
  return model.markServers.flatMap((s) => {
    const bundles = byMark.get(markKey(s.family, s.mark)) ?? [];
    if (bundles.length === 0) {
      const other = marks.has(s.mark);
      return [diagnostic("FWMARK_WITHOUT_BUNDLE", vsPath(s.index, "firewallMark"),
        `no IPv${s.family} bundle sets mark ${s.mark}${other ? " (only the other family has one)" : ""}; without a packet-filter rule no packet reaches virtual server ${s.vs.name}`)];
    }
    const out: Diagnostic[] = [];
    if (!bundles.some((b) => b.vip === s.vip)) {
      out.push(diagnostic("MARK_INCONSISTENT", vsPath(s.index, "vip"),
        `virtual server ${s.vs.name} is on ${s.vip} but bundle ${bundles[0]?.name} marks ${bundles[0]?.vip} with ${s.mark}`));
    }
    if (!bundles.some((b) => b.protocols.includes(s.vs.protocol))) {
      out.push(diagnostic("MARK_INCONSISTENT", vsPath(s.index, "protocol"),
        `virtual server ${s.vs.name} is ${s.vs.protocol} but no bundle marks ${s.vs.protocol} packets with ${s.mark}`));
    }
    return out;
  });
}

function persistenceKey(s: ModelVirtualServer): string {
  const p = s.vs.persistence;
  const timeout = p?.timeoutSeconds ?? 0;
  // Without a netmask IPVS (and keepalived) persist per host: the same as /32 or /128.
  const prefix = p?.netmask === undefined ? (s.family === 4 ? 32 : 128) : maskPrefix(p.netmask, s.family);
  return timeout === 0 ? "off" : `${timeout}/${prefix}`;
}

// Red Hat's rule: every virtual server sharing a mark has the same persistence,
// because IPVS has exactly one service (and one persistence) per mark.
/** PERSISTENCE_MISMATCH and SHARED_MARK_SETTINGS among virtual servers sharing a mark and family. */
export function checkSharedMarks(model: DerivedModel): Diagnostic[] {
  return groupBy(model.markServers, (s) => markKey(s.family, s.mark)).flatMap(([first, ...rest]) =>
    first === undefined ? [] : rest.flatMap((s) => [
      ...(persistenceKey(s) === persistenceKey(first) ? [] : [diagnostic("PERSISTENCE_MISMATCH", vsPath(s.index, "persistence"),
        `virtual server ${s.vs.name} has persistence ${persistenceKey(s)} but ${first.vs.name} on the same mark ${s.mark} has ${persistenceKey(first)}; they must agree`)]),
      ...(s.vs.scheduler === first.vs.scheduler ? [] : [diagnostic("SHARED_MARK_SETTINGS", vsPath(s.index, "scheduler"),
        `virtual server ${s.vs.name} uses ${s.vs.scheduler} but shares mark ${s.mark} with ${first.vs.name} (${first.vs.scheduler}); the service uses ${first.vs.scheduler}`)]),
    ]),
  );
}

const portServices = (model: DerivedModel) => model.virtualServers.filter((s) => s.vs.active && s.vs.firewallMark === undefined);

/** DUPLICATE_SERVICE: two active port services on one VIP, protocol and port. */
export function checkDuplicateServices(model: DerivedModel): Diagnostic[] {
  return groupBy(portServices(model), (s) => `${s.vip}/${s.vs.protocol}/${s.vs.port}`).flatMap(([first, ...rest]) =>
    rest.map((s) => diagnostic("DUPLICATE_SERVICE", vsPath(s.index, "port"),
      `virtual server ${s.vs.name} claims ${s.vs.protocol} ${s.vip}:${s.vs.port}, already served by ${first?.vs.name}`)));
}

/** PORT_SERVICE_SHADOWED: a port service whose packets a bundle marks. */
export function checkShadowed(model: DerivedModel): Diagnostic[] {
  const byVip = indexBy(model.bundles, (b) => b.vip);
  return portServices(model).flatMap((s) => {
    const b = (byVip.get(s.vip) ?? []).find((x) => x.protocols.includes(s.vs.protocol) && x.ports.some((p) => rangeContains(p.range, s.vs.port)));
    return b ? [diagnostic("PORT_SERVICE_SHADOWED", vsPath(s.index, "port"),
      `bundle ${b.name} marks ${s.vs.protocol} ${s.vip}:${s.vs.port} with ${b.mark}, so virtual server ${s.vs.name} may never see its packets; use firewall mark ${b.mark}`)] : [];
  });
}

/** SPLIT_PERSISTENT_SERVICE: persistent port services on one VIP that a bundle should join. */
export function checkSplitPersistence(model: DerivedModel): Diagnostic[] {
  const persistent = portServices(model).filter((s) => (s.vs.persistence?.timeoutSeconds ?? 0) > 0);
  return groupBy(persistent, (s) => s.vip).flatMap(([first, ...rest]) =>
    rest.map((s) => diagnostic("SPLIT_PERSISTENT_SERVICE", vsPath(s.index, "persistence"),
      `virtual servers ${first?.vs.name} and ${s.vs.name} are separate persistent services on ${s.vip}; a client may land on different real servers per port — bundle the ports under one firewall mark`)));
}
