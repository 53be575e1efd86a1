import { canonicalAddress } from "../model/address";
import { deriveModel } from "../model/derive-model";
import type { LvsDocument } from "../schema/document";
import type { RouterState } from "../state/parse-state";
import { routerAddresses } from "../state/router-addresses";
import { compareMarks, routerMarkRules } from "./compare-marks";
import { compareServices, routerServices } from "./compare-ipvs";
import type { DriftFinding, DriftReport, NotCompared } from "./report";

/** Which router of the pair the state comes from: a backup holds the VIPs only after a failover. */
export type RouterRole = "primary" | "backup";

/** The VIPs the document puts on the router: every bundle's and every active virtual server's. */
export function documentVips(doc: LvsDocument): string[] {
  const model = deriveModel(doc);
  return [...new Set([...model.ruleSets.map((s) => s.vip), ...model.ipvsServices.map((s) => s.vip),
    ...doc.virtualServers.filter((v) => v.active).map((v) => canonicalAddress(v.vip))])].sort();
}

function compareVips(doc: LvsDocument, state: RouterState, role: RouterRole, notCompared: NotCompared[]): DriftFinding[] {
  if (role === "backup") {
    notCompared.push({ what: "VIPs", reason: "a backup router holds the VIPs only after a failover (see the live view)" });
    return [];
  }
  const addresses = routerAddresses(state);
  if (addresses === null) {
    notCompared.push({ what: "VIPs", reason: `the router's addresses were not collected (${state.sections.addresses?.status ?? "no addresses section"})` });
    return [];
  }
  const held = new Set(addresses.map((a) => a.address));
  return documentVips(doc).filter((vip) => !held.has(vip))
    .map((vip) => ({ kind: "missing" as const, area: "vip" as const, object: `VIP ${vip}`, detail: "not configured on any interface of the router" }));
}

/** Compares, semantically, what a router runs (its collected state) with a document: marks, IPVS, VIPs. */
export function compareRouterState(state: RouterState, doc: LvsDocument, role: RouterRole = "primary"): DriftReport {
  const notCompared: NotCompared[] = [];
  const notes: string[] = [];
  const marks = routerMarkRules(state);
  notCompared.push(...marks.notCompared);
  notes.push(...marks.notes);
  const findings = compareMarks(doc, marks.rules);
  const services = routerServices(state);
  if ("services" in services) {
    findings.push(...compareServices(doc, services.services));
    notes.push(...services.notes);
  } else notCompared.push(services);
  findings.push(...compareVips(doc, state, role, notCompared));
  return { host: state.host, time: state.time, findings, notCompared, notes };
}
