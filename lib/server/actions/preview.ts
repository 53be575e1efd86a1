"use server";

import { exportRequestSchema } from "@/lib/domain/schema/export-request";
import { clusterAction, formDataArg, PANELS, schemaArg, type ActionArg } from "../action-client";
import { DataError } from "../data-errors";
import { importPreviewedDocument, readDocumentUpload } from "../document-import-preview";
import { importClusterDocument } from "../document-transfer";
import { createExport, type ExportOutcome } from "../exports";
import { previewArtifact, previewCluster } from "../preview";
import { clusterIdArg, clusterIdSchema, formClusterId } from "./cluster-id";

/** Renders the cluster's artifacts with lint and a diff against the last export. */
export const previewClusterAction = clusterAction({ permission: "preview.read", schema: [clusterIdArg()] })
  .action(async ([clusterId]) => previewCluster(clusterId));

// Both checked together so the refusal names both.
const rawArg = <Raw>(): ActionArg<unknown, Raw> => ({ parse: (value) => value });

/** One artifact of the current preview (the page loads a tab's text when it is opened). */
export const previewArtifactAction = clusterAction({ permission: "preview.read", schema: [rawArg<number>(), rawArg<string>()] })
  .action(async ([clusterId, format]) => {
    const id = clusterIdSchema.safeParse(clusterId);
    if (!id.success || typeof format !== "string") throw new DataError("clusterId: a positive integer; format: a format name");
    const artifact = await previewArtifact(id.data, format);
    if (!artifact) throw new DataError(`No artifact ${JSON.stringify(format).slice(0, 40)} for this cluster.`);
    return artifact;
  });

/** Stores an export snapshot of what the operator previewed. */
export const exportClusterAction = clusterAction({
  permission: "export.create",
  schema: [schemaArg(exportRequestSchema, "The export request is invalid.")],
  revalidate: (outcome: ExportOutcome) => (outcome.status === "created" ? [PANELS] : []),
}).action(async ([request]) => createExport(request));

/** Replaces the selected cluster's content with an uploaded interchange document (form field `document`; with `baseSha256` and `documentSha256` only as previewed). */
export const importDocumentAction = clusterAction({ permission: "document.import", schema: [formDataArg()], revalidate: [PANELS] })
  .action(async ([form]) => {
    const { clusterId, text } = await readDocumentUpload(form);
    const baseSha256 = form.get("baseSha256");
    const documentSha256 = form.get("documentSha256");
    if (typeof baseSha256 === "string" && typeof documentSha256 === "string") return importPreviewedDocument(clusterId, text, { baseSha256, documentSha256 });
    return importClusterDocument(clusterId, text);
  });
