"use server";

import { whatIfFormSchema } from "@/lib/domain/schema/what-if-form";
import { clusterAction, formDataArg, PANELS, schemaArg } from "../action-client";
import { DataError } from "../data-errors";
import { uploadRouterState } from "../router-states";
import { askWhatIf } from "../what-if";
import { clusterIdArg, formClusterId } from "./cluster-id";

/** Stores a collect-state file for the primary or backup router (form fields clusterId, router, state). */
export const uploadRouterStateAction = clusterAction({ permission: "routerState.upload", schema: [formDataArg()], revalidate: [PANELS] })
  .action(async ([form]) => {
    const clusterId = formClusterId(form);
    const file = form.get("state");
    if (!(file instanceof Blob) || file.size === 0) {
      throw new DataError("Choose the file collect-state.sh wrote.", { fieldErrors: { state: "required; allowed: the text file collect-state.sh writes" } });
    }
    return uploadRouterState(clusterId, form.get("router"), await file.text());
  });

/** Answers "where does a packet to VIP:PORT go" on the cluster's current model. */
export const whatIfAction = clusterAction({ permission: "preview.read", schema: [clusterIdArg(), schemaArg(whatIfFormSchema, "The question is incomplete.")] })
  .action(async ([clusterId, question]) => askWhatIf(clusterId, question));
