"use client";

import { LOAD_MONITORS, SCHEDULERS, SERVICE_PROTOCOLS } from "@/lib/domain/schema/enums";
import { CheckboxField, SelectField, TextField, optionsOf } from "@/components/ui/form-fields";

/** Piranha VIRTUAL SERVER fields, with its names and defaults. */
export function VirtualServerFields() {
  return (
    <>
      <TextField name="name" label="Name" hint="1-31 characters of A-Z a-z 0-9 _ . - (unique in the cluster)." />
      <CheckboxField name="active" label="Active" hint="Inactive virtual servers are kept but not rendered as running services. Default: active." />
      <TextField name="vip" label="Virtual IP Address" hint="IPv4 (203.0.113.10) or IPv6 (2001:db8::10)." />
      <TextField name="vipNetmask" label="Virtual IP Network Mask" hint="Dotted IPv4 mask or IPv6 prefix length. Default: a host mask, 255.255.255.255 (/32) or /128; 0.0.0.0 counts as not given." />
      <TextField name="device" label="Device" hint="Interface alias carrying the VIP, e.g. eth0:1. Optional." />
      <SelectField name="protocol" label="Protocol" hint="Default: tcp." options={optionsOf(SERVICE_PROTOCOLS)} />
      <TextField name="port" type="number" label="Application port" hint="1-65535; also used by health checks, e.g. 80." />
      <TextField name="firewallMark" type="number" label="Firewall Mark" hint="1-4294967295; leave empty for a port-based service. Needs a bundle with this mark." />
      <SelectField name="scheduler" label="Scheduling" hint="IPVS scheduler. Default: wlc (weighted least-connections)." options={optionsOf(SCHEDULERS)} />
      <TextField name="persistence.timeoutSeconds" type="number" label="Persistence" hint="Seconds a client sticks to one real server; 0 = off. Default: 0." />
      <TextField name="persistence.netmask" label="Persistence Network Mask" hint="Granularity: IPv4 mask or IPv6 prefix length. Default: 255.255.255.255." />
      <TextField name="reentrySeconds" type="number" label="Re-entry Time" hint="Seconds a failed real server must pass checks before it returns. Default: 15." />
      <TextField name="serviceTimeoutSeconds" type="number" label="Service Timeout" hint="Seconds before an unresponsive real server is removed. Default: 6." />
      <CheckboxField name="quiesceServer" label="Quiesce server" hint="Reset weights to 0 when a real server returns. Default: off." />
      <SelectField name="loadMonitor" label="Load monitoring tool" hint="Default: none." options={optionsOf(LOAD_MONITORS)} />
      <TextField name="sorryServer" label="Sorry server" hint="Address[:port] used when every real server is down. Optional." />
    </>
  );
}

/** Piranha EDIT MONITORING SCRIPTS. */
export function MonitoringScriptFields() {
  return (
    <>
      <TextField name="monitor.sendProgram" label="Sending Program" hint="Absolute path plus arguments; %h is the real server. Runs as root on the router: only admins may set it. Overrides Send. Optional." />
      <TextField name="monitor.send" label="Send" hint='String sent to each real server, e.g. GET / HTTP/1.0\r\n\r\n. Optional.' />
      <TextField name="monitor.expect" label="Expect" hint="Reply that marks the real server healthy, e.g. HTTP. Optional." />
      <CheckboxField name="monitor.expectIsRegex" label="Treat expect string as a regular expression" hint="Default: off." />
    </>
  );
}
