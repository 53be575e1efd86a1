import "server-only";
import { parseHostPort } from "@/lib/domain/model/address";
import { formatWhatIf } from "@/lib/domain/what-if/format-what-if";
import { whatIf, type WhatIfAnswer } from "@/lib/domain/what-if/what-if";
import type { whatIfFormSchema } from "@/lib/domain/schema/what-if-form";
import type * as z from "zod";
import { requireClusterPermission } from "./auth/cluster-access";
import { readClusterDocument } from "./cluster-document";
import { DataError, NotFoundError } from "./data-errors";

/** A what-if answer: the lines the CLI prints and the structured answer. */
export interface WhatIfOutcome {
  lines: string[];
  answer: WhatIfAnswer;
}

/** Where a packet goes on the cluster's routers as the current model describes them. */
export async function askWhatIf(clusterId: number, input: z.output<typeof whatIfFormSchema>): Promise<WhatIfOutcome> {
  await requireClusterPermission(clusterId, "preview.read");
  const doc = await readClusterDocument(clusterId);
  if (!doc) throw new NotFoundError("cluster");
  const target = parseHostPort(input.to);
  if (!target || target.port === undefined) throw new DataError("The destination is not VIP:PORT.", { fieldErrors: { to: "allowed: VIP:PORT or [IPv6]:PORT" } });
  const r = whatIf(doc, { vip: target.address.canonical, port: target.port, protocol: input.protocol, ...(input.from ? { from: input.from } : {}) });
  if (!r.ok) {
    const field = r.message.startsWith("--from") ? "from" : r.message.startsWith("--protocol") ? "protocol" : "to";
    throw new DataError(r.message.replace(/^--[a-z]+: /, ""), { fieldErrors: { [field]: r.message.replace(/^--[a-z]+: /, "") } });
  }
  return { lines: formatWhatIf(r.answer), answer: r.answer };
}
