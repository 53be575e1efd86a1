import { parseAddress } from "../model/address";
import type { KaNode } from "./keepalived-syntax";
import { MAX_MARK } from "./mark-rules";
import type { MessageLog } from "./messages";
import type { ServiceHead } from "./parse-keepalived";

/** Most members a group may expand to (an address range is one member per address). */
export const MAX_GROUP_MEMBERS = 4096;

// Members are `VIP PORT`, `VIP-LAST PORT` (an IPv4 range in the last octet) or `fwmark N`.
/** The services a virtual_server_group stands for, one per member; null after an error. */
export function expandGroup(group: KaNode, log0: MessageLog): ServiceHead[] | null {
  const out: ServiceHead[] = [];
  for (const m of group.children ?? []) {
    const log = log0.forFile(m.file);
    const [a = "", b = ""] = m.words;
    if (a === "fwmark") {
      const mark = Number(b);
      if (!/^\d{1,10}$/.test(b) || mark < 1 || mark > MAX_MARK) {
        log.error(m.line, 1, `fwmark ${b}: allowed: an integer 1-${MAX_MARK}`);
        return null;
      }
      out.push({ kind: "fwmark", family: 4, mark });
      continue;
    }
    const range = /^(\d+\.\d+\.\d+\.)(\d+)-(\d+)$/.exec(a);
    const port = Number(b);
    if (!/^\d{1,5}$/.test(b) || port < 1 || port > 65535) {
      log.error(m.line, 1, `group member ${m.words.join(" ")}: allowed: VIP PORT, VIP-LAST PORT or fwmark N`);
      return null;
    }
    const addresses = range ? rangeAddresses(range[1] ?? "", Number(range[2]), Number(range[3])) : [a];
    for (const text of addresses) {
      const addr = parseAddress(text);
      if (!addr) {
        log.error(m.line, 1, `group member ${a}: not an address or an IPv4 range like 192.0.2.1-10`);
        return null;
      }
      out.push({ kind: "port", family: addr.family, vip: addr.canonical, port });
    }
    if (out.length > MAX_GROUP_MEMBERS) {
      log.error(m.line, 1, `group ${group.words[1] ?? ""} expands to more than ${MAX_GROUP_MEMBERS} services`);
      return null;
    }
  }
  return out;
}

function rangeAddresses(prefix: string, first: number, last: number): string[] {
  const out: string[] = [];
  for (let i = first; i <= Math.min(last, 255); i++) out.push(`${prefix}${i}`);
  return out;
}
