import { formatImportMessage, parseIpvsadmSave, type ImportedService } from "../import";
import { serviceKey } from "../import/services";
import type { Family } from "../model/address";
import { deriveModel } from "../model/derive-model";
import type { IpvsService } from "../model/services";
import { maskPrefix } from "../schema/primitives";
import type { LvsDocument } from "../schema/document";
import { sectionText, type RouterState } from "../state/parse-state";
import type { DriftFinding, NotCompared } from "./report";

/** The router's IPVS services from the state file's `ipvsadm -Sn`, or why they cannot be compared. */
export function routerServices(state: RouterState): { services: ImportedService[]; notes: string[] } | NotCompared {
  const text = sectionText(state, "ipvs-rules");
  if (!text.ok) return { what: "IPVS services", reason: text.reason };
  const r = parseIpvsadmSave(text.text, "ipvsadm -Sn");
  const error = r.messages.find((m) => m.severity === "error");
  if (error) return { what: "IPVS services", reason: `ipvsadm -Sn could not be read: ${formatImportMessage(error)}` };
  return { services: r.services, notes: r.messages.filter((m) => m.severity === "warning").map(formatImportMessage) };
}

const host = (address: string, port?: number) => (port === undefined ? address : address.includes(":") ? `[${address}]:${port}` : `${address}:${port}`);
const label = (s: { kind: string; family: Family; mark?: number; protocol?: string; vip?: string; port?: number }) =>
  s.kind === "fwmark" ? `fwmark ${s.mark}${s.family === 6 ? " (IPv6)" : ""}` : `${s.protocol} ${host(s.vip ?? "", s.port)}`;
const full = (family: Family) => (family === 4 ? 32 : 128);

function compareSettings(doc: LvsDocument, e: IpvsService, a: ImportedService, object: string): DriftFinding[] {
  const out: DriftFinding[] = [];
  const diff = (detail: string) => out.push({ kind: "different", area: "service", object, detail });
  const scheduler = a.scheduler ?? "wlc";
  if (scheduler !== e.scheduler) diff(`scheduler ${scheduler} on the router, ${e.scheduler} in the document`);
  const timeout = a.persistence?.timeoutSeconds ?? 0;
  if (timeout !== e.persistenceSeconds) diff(`persistence ${timeout || "off"}${timeout ? " s" : ""} on the router, ${e.persistenceSeconds || "off"}${e.persistenceSeconds ? " s" : ""} in the document`);
  else if (timeout > 0) {
    const got = a.persistence?.netmask === undefined ? full(e.family) : maskPrefix(a.persistence.netmask, e.family);
    const want = e.persistencePrefix ?? full(e.family);
    if (got !== want) diff(`persistence granularity /${got} on the router, /${want} in the document`);
  }
  const method = doc.cluster.network;
  const expected = new Map(e.realServers.map((r) => [host(r.address, r.port), r]));
  const actual = new Map(a.realServers.map((r) => [host(r.address, r.port), r]));
  for (const [key, r] of expected) {
    const got = actual.get(key);
    const rs = `real server ${r.name} ${key} of ${object}`;
    if (!got) out.push({ kind: "missing", area: "real-server", object: rs, detail: "not in IPVS on the router" });
    else {
      if (got.weight !== r.weight) out.push({ kind: "different", area: "real-server", object: rs, detail: `weight ${got.weight} on the router, ${r.weight} in the document` });
      if (got.method !== undefined && got.method !== method) out.push({ kind: "different", area: "real-server", object: rs, detail: `forwarding ${got.method} on the router, ${method} in the document` });
    }
  }
  for (const [key, r] of actual) {
    if (!expected.has(key)) out.push({ kind: "extra", area: "real-server", object: `real server ${key} of ${object}`, detail: `in IPVS on the router (weight ${r.weight}) but not in the document` });
  }
  return out;
}

/** IPVS services and real servers missing, extra or different between the document and the router. */
export function compareServices(doc: LvsDocument, actual: readonly ImportedService[]): DriftFinding[] {
  const expected = new Map(deriveModel(doc).ipvsServices.map((s) => [serviceKey(s), s]));
  const got = new Map(actual.map((s) => [serviceKey(s), s]));
  const findings: DriftFinding[] = [];
  for (const [key, e] of expected) {
    const object = `service ${label(e)} (virtual server${e.virtualServers.length > 1 ? "s" : ""} ${e.virtualServers.map((v) => v.name).join(", ")})`;
    const a = got.get(key);
    if (!a) findings.push({ kind: "missing", area: "service", object, detail: "not in IPVS on the router" });
    else findings.push(...compareSettings(doc, e, a, object));
  }
  for (const [key, a] of got) {
    if (!expected.has(key)) findings.push({ kind: "extra", area: "service", object: `service ${label(a)}`, detail: `in IPVS on the router (${a.realServers.length} real server(s)) but not in the document` });
  }
  return findings;
}
