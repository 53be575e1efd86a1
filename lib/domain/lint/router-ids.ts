import { hasFloatingAddresses, resolveVrrp } from "../model/vrrp";
import type { LvsDocument } from "../schema/document";
import { diagnostic, type Diagnostic } from "./codes";

// VRRP routers on one segment tell instances apart by virtual_router_id alone:
// two clusters sharing an id on an interface fight over each other's adverts.
// It takes every cluster of the console, so the server calls it beside lintDocument.
/** ROUTER_ID_CONFLICT for each document (same order as given) whose router id and interface another one also uses. */
export function lintRouterIds(docs: readonly LvsDocument[]): Diagnostic[][] {
  const keyOf = (doc: LvsDocument) => {
    const v = resolveVrrp(doc);
    return hasFloatingAddresses(doc) && v.interface !== undefined ? `${v.interface}/${v.routerId}` : null;
  };
  const keys = docs.map(keyOf);
  return docs.map((doc, i) => {
    const key = keys[i];
    if (key === null || key === undefined) return [];
    const others = docs.filter((_, j) => j !== i && keys[j] === key).map((d) => d.cluster.name);
    if (others.length === 0) return [];
    const v = resolveVrrp(doc);
    return [diagnostic("ROUTER_ID_CONFLICT", "cluster.vrrp.routerId",
      `keepalived, keepalived-backup: virtual_router_id ${v.routerId} on ${v.interface} is also used by cluster ${others.join(", ")}; each pair on a segment needs its own id (allowed: another id 1-255)`)];
  });
}
