import { parseAddress } from "../model/address";
import { sectionText, type RouterState } from "./parse-state";

/** One address configured on the router and the device that carries it. */
export interface RouterAddress {
  address: string;
  prefix: number;
  device: string;
}

const LINE = /^\d+:\s+(\S+)\s+inet6?\s+([0-9A-Fa-f.:]+)\/(\d+)/;

/** The addresses in the state file's `ip -o addr show` section (canonical), or null when it was not collected. */
export function routerAddresses(state: RouterState): RouterAddress[] | null {
  const text = sectionText(state, "addresses");
  if (!text.ok) return null;
  return text.text.split("\n").flatMap((line) => {
    const m = LINE.exec(line);
    const parsed = m ? parseAddress(m[2]!) : null;
    return m && parsed ? [{ address: parsed.canonical, prefix: Number(m[3]), device: m[1]! }] : [];
  });
}
