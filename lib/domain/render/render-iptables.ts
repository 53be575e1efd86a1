import type { Family } from "../model/address";
import { ruleSetsOfFamily } from "../model/bundles";
import type { LvsDocument } from "../schema/document";
import { iptablesCommand } from "./mangle-rules";
import { masqueradeComment, masqueradeOf, masqueradeRuleBody } from "./nat-rules";
import { markRuleBodies } from "./port-groups";
import { bannerLines, describeLines, toText } from "./text";

/** The manuals' form: one `iptables -t mangle -A PREROUTING … -j MARK --set-mark N` per bundle, protocol and port chunk (plus active FTP's masquerade under NAT). */
export function renderIptables(doc: LvsDocument): string {
  const lines = [
    "#!/bin/sh",
    ...bannerLines("#", doc, "Firewall-mark rules as iptables commands (run as root; not idempotent, see the install script)."),
  ];
  for (const family of [4, 6] as Family[]) {
    const command = iptablesCommand(family);
    for (const set of ruleSetsOfFamily(doc, family)) {
      lines.push(...describeLines("#", `bundle ${set.name} (mark ${set.mark}, ${set.protocol})`, set.description));
      lines.push(...markRuleBodies(set).map((body) => `${command} -t mangle -A PREROUTING ${body}`));
    }
    const m = masqueradeOf(doc, family);
    if (m !== null) lines.push(masqueradeComment("#", m), `${command} -t nat -A POSTROUTING ${masqueradeRuleBody(m)}`);
  }
  return toText(lines);
}
