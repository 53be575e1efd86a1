import { maskPrefix } from "../schema/primitives";
import type { Family } from "./address";

// Piranha's pulse treats a zero vip_nmask as "not given", and real lvs.cf files
// carry `vip_nmask = 0.0.0.0`; so does every renderer here.
/** True when a VIP netmask says nothing: absent, 0.0.0.0 or prefix length 0. */
export function isMaskUnset(mask: string | number | undefined, family: Family): boolean {
  return mask === undefined || maskPrefix(mask, family) === 0;
}

/** Prefix length of a VIP: the netmask given, else a host route (/32, /128). */
export function vipPrefix(mask: string | number | undefined, family: Family): number {
  if (mask === undefined || isMaskUnset(mask, family)) return family === 4 ? 32 : 128;
  return maskPrefix(mask, family);
}
