"use client";

import { useEffect, useRef } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { DNS_QUERY_TYPES, HEALTH_CHECK_FIELDS, HEALTH_CHECK_TYPES, type HealthCheckType, type HealthCheckTypedField } from "@/lib/domain/schema/enums";
import { SelectField, TextField, optionsOf } from "@/components/ui/form-fields";

const TYPE_OPTIONS = [
  { value: "", label: "(not set: today's checks)" },
  ...HEALTH_CHECK_TYPES.map((t) => ({ value: t, label: t === "misc" ? "misc (script, admins only)" : t })),
];

const TYPED_FIELDS = ["port", "path", "statusCode", "digest", "script", "dnsName", "dnsType"] as const satisfies readonly HealthCheckTypedField[];

const isType = (value: unknown): value is HealthCheckType => (HEALTH_CHECK_TYPES as readonly unknown[]).includes(value);

/** keepalived's health check of a virtual server: the type decides which fields apply; the timing fields apply to every type. */
export function HealthCheckFields() {
  const { setValue } = useFormContext();
  const type = useWatch({ name: "healthCheck.type" }) as unknown;
  const fields: readonly HealthCheckTypedField[] = isType(type) ? HEALTH_CHECK_FIELDS[type] : [];
  const shows = (f: HealthCheckTypedField) => fields.includes(f);
  // A field the new type does not use is cleared, so the schema never sees a leftover value.
  const previous = useRef(type);
  useEffect(() => {
    if (previous.current === type) return;
    previous.current = type;
    for (const f of TYPED_FIELDS) if (!fields.includes(f)) setValue(`healthCheck.${f}`, undefined, { shouldDirty: true });
  }, [type, fields, setValue]);

  return (
    <>
      <SelectField name="healthCheck.type" label="Check type" options={TYPE_OPTIONS}
        hint="keepalived's checker: tcp connect, udp, http/https page, smtp, dns query, misc script, or none. Default: not set (tcp connect in keepalived.conf)." />
      {shows("port") ? <TextField name="healthCheck.port" type="number" label="Check port" hint="Port probed (connect_port). Default: each real server's own port." /> : null}
      {shows("path") ? <TextField name="healthCheck.path" label="URL path" hint="Page requested, e.g. /healthz. Default: /." /> : null}
      {shows("statusCode") ? <TextField name="healthCheck.statusCode" type="number" label="Expected status code" hint="HTTP status that means healthy (status_code), 100-599. Default: 200." /> : null}
      {shows("digest") ? <TextField name="healthCheck.digest" label="Page digest" hint="MD5 of the expected body, 32 hex digits (genhash prints it). Optional." /> : null}
      {shows("script") ? (
        <TextField name="healthCheck.script" label="Check script" hint="Absolute path plus arguments (misc_path); runs as root on the router, so only admins may set it. Required." />
      ) : null}
      {shows("dnsName") ? <TextField name="healthCheck.dnsName" label="DNS name" hint="Name queried, e.g. www.example.org. Default: the root (.)." /> : null}
      {shows("dnsType") ? (
        <SelectField name="healthCheck.dnsType" label="DNS query type" hint="Record type asked. Default: SOA." options={[{ value: "", label: "(default: SOA)" }, ...optionsOf(DNS_QUERY_TYPES)]} />
      ) : null}
      {isType(type) && type !== "none" ? (
        <>
          <TextField name="healthCheck.intervalSeconds" type="number" label="Check interval" hint="Seconds between checks (delay_loop), 1-86400. Default: the heartbeat interval." />
          <TextField name="healthCheck.timeoutSeconds" type="number" label="Connect timeout" hint="Seconds before a probe fails (connect_timeout), 1-3600. Default: the service timeout." />
          <TextField name="healthCheck.retries" type="number" label="Retries" hint="Failed probes before the real server is taken out (retry), 0-1000. Default: keepalived's (1)." />
          <TextField name="healthCheck.retryDelaySeconds" type="number" label="Delay before retry" hint="Seconds between retries (delay_before_retry), 0-3600. Default: keepalived's (1)." />
        </>
      ) : null}
    </>
  );
}
