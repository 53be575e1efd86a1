import * as z from "zod";
import { parseAddress, parseHostPort } from "@/lib/domain/model/address";

const TO_ALLOWED = "VIP:PORT (192.0.2.10:443) or [IPv6]:PORT ([2001:db8::10]:443)";

/** The overview's what-if question: destination, protocol and optional client (the same checks as the CLI). */
export const whatIfFormSchema = z.object({
  to: z.string().trim().refine((s) => parseHostPort(s)?.port !== undefined, { error: (i) => `got ${JSON.stringify(String(i.input).slice(0, 60))}; allowed: ${TO_ALLOWED}` }),
  protocol: z.enum(["tcp", "udp"], { error: "allowed: tcp, udp" }),
  from: z.string().trim().refine((s) => s === "" || parseAddress(s) !== null, { error: "allowed: empty, or an IPv4 or IPv6 address" }).default(""),
});

/** The what-if form's values as typed. */
export type WhatIfFormInput = z.input<typeof whatIfFormSchema>;
