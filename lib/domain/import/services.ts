import type { Family } from "../model/address";
import type { ClusterSettingsInput, NetworkType } from "../schema/cluster";
import type { Scheduler, VirtualServerInput } from "../schema/virtual-server";
import type { VrrpAddress } from "./keepalived-globals";
import type { ImportMessage } from "./messages";

/** A real server as a service definition file states it. */
export interface ImportedRealServer {
  /** Canonical address. */
  address: string;
  family: Family;
  port?: number;
  weight: number;
  active?: boolean;
  name?: string;
  /** Forwarding method named for this real server (ipvsadm -m/-g/-i, keepalived lvs_method). */
  method?: NetworkType;
  line: number;
}

/** One IPVS virtual service (or Piranha virtual server) as a file defines it. */
export interface ImportedService {
  file: string;
  line: number;
  name?: string;
  kind: "fwmark" | "port";
  family: Family;
  mark?: number;
  /** Canonical VIP; fwmark services learn theirs from the mark rules. */
  vip?: string;
  port?: number;
  protocol?: "tcp" | "udp";
  scheduler?: Scheduler;
  persistence?: { timeoutSeconds: number; netmask?: string | number };
  method?: NetworkType;
  realServers: ImportedRealServer[];
  /** Further virtual-server fields the format carries (active, device, health check, sorry server, …). */
  settings: Partial<VirtualServerInput>;
}

/** Cluster settings a file states; anything absent keeps its default (or the existing cluster's value on the web). */
export type ClusterFacts = {
  [K in keyof ClusterSettingsInput]?: ClusterSettingsInput[K] extends object | undefined ? Partial<NonNullable<ClusterSettingsInput[K]>> : ClusterSettingsInput[K];
};

/** What a service-definition parser (lvs.cf, keepalived, ipvsadm) returns. */
export interface ServicesResult {
  services: ImportedService[];
  cluster: ClusterFacts;
  messages: ImportMessage[];
  /** Addresses a VRRP instance floats (keepalived): devices and masks of VIPs, the NAT gateway. */
  addresses?: VrrpAddress[];
}

/** Service identity used for duplicate detection: `fwmark/6/80` or `tcp/VIP/port`. */
export function serviceKey(s: Pick<ImportedService, "kind" | "family" | "mark" | "vip" | "protocol" | "port">): string {
  return s.kind === "fwmark" ? `fwmark/${s.family}/${s.mark}` : `${s.protocol}/${s.vip}/${s.port}`;
}
