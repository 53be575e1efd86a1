import type { Family } from "../model/address";
import type { DerivedModel } from "../model/derive-model";
import { FTP_DATA_PORT, type FtpMasquerade } from "../model/ftp-nat";

/** The dedicated nat chain holding the active-FTP masquerade, jumped to from POSTROUTING. */
export const NAT_CHAIN = "LVS-CONSOLE-FTP";

/** The document's active-FTP masquerade when it belongs to this family, else null. */
export function masqueradeOf(model: DerivedModel, family: Family): FtpMasquerade | null {
  const m = model.ftpMasquerade;
  return m !== null && m.family === family ? m : null;
}

/** The iptables match and target of the masquerade (after `-A CHAIN`). */
export function masqueradeRuleBody(m: FtpMasquerade): string {
  return `-p tcp -s ${m.network} --sport ${FTP_DATA_PORT} -j MASQUERADE`;
}

/** The comment introducing the masquerade rule. */
export function masqueradeComment(marker: string, m: FtpMasquerade): string {
  return `${marker} active FTP under NAT: data connections from the real servers (${m.network}, port ${FTP_DATA_PORT}) leave masqueraded`;
}

/** `-A CHAIN …` lines of the nat chain for one family (empty without the masquerade). */
export function natRuleLines(model: DerivedModel, family: Family, chain: string): string[] {
  const m = masqueradeOf(model, family);
  return m === null ? [] : [masqueradeComment("#", m), `-A ${chain} ${masqueradeRuleBody(m)}`];
}
