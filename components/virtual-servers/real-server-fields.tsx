"use client";

import { CheckboxField, TextField } from "@/components/ui/form-fields";

/** Piranha REAL SERVER fields; idPrefix keeps ids unique when several rows share a page; rows toggle Active with a button instead. */
export function RealServerFields({ idPrefix, withActive = true }: { idPrefix: string; withActive?: boolean }) {
  return (
    <div style={{ display: "flex", flexWrap: "wrap", gap: "0 1rem", alignItems: "flex-start" }}>
      <TextField idPrefix={idPrefix} name="name" label="Name" hint="A-Z a-z 0-9 _ . -, unique per virtual server." />
      <TextField idPrefix={idPrefix} name="address" label="Address" hint="IPv4 or IPv6 address of the real server." />
      <TextField idPrefix={idPrefix} name="port" type="number" label="Port" hint="Optional; default: the application port." />
      <TextField idPrefix={idPrefix} name="weight" type="number" label="Weight" hint="0-65535; 0 quiesces. Default: 1." />
      {withActive ? <CheckboxField idPrefix={idPrefix} name="active" label="Active" hint="Default: active." /> : null}
    </div>
  );
}
