"use client";

import { NETWORK_TYPES } from "@/lib/domain/schema/enums";
import { CheckboxField, SelectField, TextField, optionsOf } from "@/components/ui/form-fields";

/** Piranha GLOBAL SETTINGS fields. */
export function GlobalSettingsFields() {
  return (
    <>
      <section className="panel" aria-labelledby="gs-router">
        <h2 id="gs-router">Primary router</h2>
        <TextField name="name" label="Cluster name" hint="1-31 characters of A-Z a-z 0-9 _ . -" />
        <TextField name="primary.publicIp" label="Primary server public IP" hint="Address of the primary LVS router on the public network." />
        <TextField name="primary.privateIp" label="Primary server private IP" hint="Optional heartbeat address on a private network. Default: none." />
        <SelectField name="network" label="Use network type" hint="How IPVS forwards to real servers: nat, direct (routing) or tunnel. Default: nat." options={optionsOf(NETWORK_TYPES)} />
      </section>
      <section className="panel" aria-labelledby="gs-nat">
        <h2 id="gs-nat">NAT router</h2>
        <TextField name="natRouter.ip" label="NAT Router IP" hint="Floating gateway the real servers route through; required for nat." />
        <TextField name="natRouter.netmask" label="NAT Router netmask" hint="e.g. 255.255.255.0." />
        <TextField name="natRouter.device" label="NAT Router device" hint="Interface alias, e.g. eth1:1." />
      </section>
      <section className="panel" aria-labelledby="gs-timeouts">
        <h2 id="gs-timeouts">IPVS timeouts</h2>
        <TextField name="timeouts.tcp" type="number" label="TCP timeout" hint="Seconds; 0 keeps the kernel default. Default: 0." />
        <TextField name="timeouts.tcpfin" type="number" label="TCP FIN timeout" hint="Seconds; 0 keeps the kernel default. Default: 0." />
        <TextField name="timeouts.udp" type="number" label="UDP timeout" hint="Seconds; 0 keeps the kernel default. Default: 0." />
      </section>
    </>
  );
}

/** What an unset router pair renders with (derived on the server). */
export interface VrrpHintDefaults {
  routerId: number;
  advertSeconds: number;
}

/** Piranha REDUNDANCY fields, plus keepalived's router pair (VRRP). */
export function RedundancyFields({ vrrp }: { vrrp: VrrpHintDefaults }) {
  return (
    <>
      <section className="panel" aria-labelledby="rd-backup">
        <h2 id="rd-backup">Backup router</h2>
        <CheckboxField name="backup.enabled" label="Enable backup router" hint="Default: off (no backup)." />
        <TextField name="backup.publicIp" label="Redundant server public IP" hint="Required when the backup is enabled." />
        <TextField name="backup.privateIp" label="Redundant server private IP" hint="Optional heartbeat address on a private network." />
      </section>
      <section className="panel" aria-labelledby="rd-heartbeat">
        <h2 id="rd-heartbeat">Heartbeat</h2>
        <TextField name="heartbeat.intervalSeconds" type="number" label="Heartbeat interval (seconds)" hint="How often the backup checks the primary. Default: 6." />
        <TextField name="heartbeat.deadAfterSeconds" type="number" label="Assume dead after (seconds)" hint="Silence before the backup takes over. Default: 18." />
        <TextField name="heartbeat.port" type="number" label="Heartbeat runs on port" hint="UDP port of the heartbeat. Default: 539." />
        <CheckboxField name="monitorLinks" label="Monitor NIC links for failures" hint="Fail over when a network link goes down. Default: off." />
        <CheckboxField name="syncDaemon" label="Use sync daemon" hint="Share connection state with the backup. Default: off." />
      </section>
      <section className="panel" aria-labelledby="rd-vrrp">
        <h2 id="rd-vrrp">Router pair (VRRP, keepalived)</h2>
        <TextField name="vrrp.routerId" type="number" label="Virtual router ID"
          hint={`virtual_router_id, 1-255, the same on both routers and unique on the network segment. Default: ${vrrp.routerId} (derived from the cluster name).`} />
        <TextField name="vrrp.priorityPrimary" type="number" label="Primary priority" hint="VRRP priority of the primary (MASTER), 1-254. Default: 150." />
        <TextField name="vrrp.priorityBackup" type="number" label="Backup priority" hint="VRRP priority of the backup, lower than the primary's. Default: 100." />
        <CheckboxField name="vrrp.preempt" label="Primary takes the addresses back when it returns (preempt)" hint="Off: the backup keeps them until it fails (nopreempt). Default: on." />
        <TextField name="vrrp.advertSeconds" type="number" label="Advert interval (seconds)"
          hint={`advert_int, 1-255; independent of the health-check interval. Default: the heartbeat interval (now ${vrrp.advertSeconds}).`} />
        <TextField name="vrrp.interface" label="VRRP interface" hint="Interface the adverts use, e.g. eth0. Default: the interface of the first virtual server's device." />
      </section>
    </>
  );
}
