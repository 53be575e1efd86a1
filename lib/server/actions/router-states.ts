"use server";

import { revalidatePath } from "next/cache";
import * as z from "zod";
import type { ActionResult } from "@/lib/forms/action-result";
import { issuesToFieldErrors } from "@/lib/forms/issues-to-field-errors";
import { whatIfFormSchema } from "@/lib/forms/what-if-form";
import { requireSomeClusterPermission } from "../auth/cluster-access";
import { DataError } from "../data-errors";
import { uploadRouterState, type RouterStateSummary } from "../router-states";
import { runAction } from "../run-action";
import { askWhatIf, type WhatIfOutcome } from "../what-if";

const clusterIdSchema = z.int().positive();

/** Stores a collect-state file for the primary or backup router (form fields clusterId, router, state). */
export async function uploadRouterStateAction(formData: FormData): Promise<ActionResult<RouterStateSummary>> {
  const result = await runAction(async () => {
    await requireSomeClusterPermission("routerState.upload");
    const form = formData instanceof FormData ? formData : new FormData();
    const id = clusterIdSchema.safeParse(Number(form.get("clusterId")));
    if (!id.success) throw new DataError("clusterId: a positive integer", { fieldErrors: { clusterId: "a positive integer" } });
    const file = form.get("state");
    if (!(file instanceof Blob) || file.size === 0) {
      throw new DataError("Choose the file collect-state.sh wrote.", { fieldErrors: { state: "required; allowed: the text file collect-state.sh writes" } });
    }
    return uploadRouterState(id.data, form.get("router"), await file.text());
  });
  if (result.ok) {
    revalidatePath("/");
    revalidatePath("/drift");
  }
  return result;
}

/** Answers "where does a packet to VIP:PORT go" on the cluster's current model. */
export async function whatIfAction(clusterId: number, input: unknown): Promise<ActionResult<WhatIfOutcome>> {
  return runAction(async () => {
    await requireSomeClusterPermission("preview.read");
    const id = clusterIdSchema.safeParse(clusterId);
    if (!id.success) throw new DataError("clusterId: a positive integer", { fieldErrors: { clusterId: "a positive integer" } });
    const parsed = whatIfFormSchema.safeParse(input);
    if (!parsed.success) throw new DataError("The question is incomplete.", { fieldErrors: issuesToFieldErrors(parsed.error) });
    return askWhatIf(id.data, parsed.data);
  });
}
