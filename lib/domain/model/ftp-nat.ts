import ipaddr from "ipaddr.js";
import type { LvsDocument } from "../schema/document";
import { maskPrefix } from "../schema/primitives";
import { familyOf, type Family } from "./address";
import { markRuleSets, type MarkRuleSet } from "./bundles";
import { rangeContains } from "./ports";

/** FTP's control port: a bundle marking it over tcp carries FTP. */
export const FTP_CONTROL_PORT = 21;
/** Active FTP's data connections leave the real servers from this port. */
export const FTP_DATA_PORT = 20;

/** The manuals' active-FTP masquerade: one family and the real-server network it covers. */
export interface FtpMasquerade {
  family: Family;
  /** The real-server network as address/prefix, e.g. 10.11.12.0/24. */
  network: string;
}

/** True when a tcp rule set (of this family) includes FTP control (21). */
export function carriesFtp(ruleSets: readonly MarkRuleSet[], family?: Family): boolean {
  return ruleSets.some((s) =>
    s.protocol === "tcp" && (family === undefined || s.family === family) && s.ranges.some((r) => rangeContains(r, FTP_CONTROL_PORT)));
}

// Active FTP under NAT: the real server opens the data connection from port 20
// to the client; without this rule it leaves with the real server's private
// address (LVS HOWTO, Red Hat's Piranha guide "FTP in NAT").
/** The POSTROUTING masquerade a NAT cluster carrying an FTP bundle needs, or null. */
export function ftpMasquerade(doc: LvsDocument, ruleSets: readonly MarkRuleSet[] = markRuleSets(doc)): FtpMasquerade | null {
  const c = doc.cluster;
  if (c.network !== "nat" || c.natRouter === undefined) return null;
  const family = familyOf(c.natRouter.ip);
  if (!carriesFtp(ruleSets, family)) return null;
  const prefix = maskPrefix(c.natRouter.netmask, family);
  const cidr = `${c.natRouter.ip}/${prefix}`;
  const base = family === 4 ? ipaddr.IPv4.networkAddressFromCIDR(cidr) : ipaddr.IPv6.networkAddressFromCIDR(cidr);
  return { family, network: `${base.toString()}/${prefix}` };
}
