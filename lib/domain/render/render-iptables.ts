import type { Family } from "../model/address";
import { modelOf, type ModelInput } from "../model/derive-model";
import { iptablesCommand } from "./mangle-rules";
import { masqueradeComment, masqueradeOf, masqueradeRuleBody } from "./nat-rules";
import { markRuleBodies } from "./port-groups";
import { bannerLines, describeLine, toText } from "./text";

/** The manuals' form: one `iptables -t mangle -A PREROUTING … -j MARK --set-mark N` per bundle, protocol and port chunk (plus active FTP's masquerade under NAT). */
export function renderIptables(input: ModelInput): string {
  const model = modelOf(input);
  const lines = [
    "#!/bin/sh",
    ...bannerLines("#", model.doc, "Firewall-mark rules as iptables commands (run as root; not idempotent, see the install script)."),
  ];
  for (const family of [4, 6] as Family[]) {
    const command = iptablesCommand(family);
    for (const set of model.ruleSetsOf(family)) {
      lines.push(describeLine("#", `bundle ${set.name} (mark ${set.mark}, ${set.protocol})`, set.description));
      for (const body of markRuleBodies(set)) lines.push(`${command} -t mangle -A PREROUTING ${body}`);
    }
    const m = masqueradeOf(model, family);
    if (m !== null) lines.push(masqueradeComment("#", m), `${command} -t nat -A POSTROUTING ${masqueradeRuleBody(m)}`);
  }
  return toText(lines);
}
