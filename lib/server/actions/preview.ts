"use server";

import { revalidatePath } from "next/cache";
import * as z from "zod";
import { exportRequestSchema } from "@/lib/domain/schema/export-request";
import type { ActionResult } from "@/lib/forms/action-result";
import { issuesToFieldErrors } from "@/lib/forms/issues-to-field-errors";
import { requireSomeClusterPermission } from "../auth/cluster-access";
import { DataError } from "../data-errors";
import { importPreviewedDocument, readDocumentUpload } from "../document-import-preview";
import { importClusterDocument, type ImportSummary } from "../document-transfer";
import { createExport, type ExportOutcome } from "../exports";
import { previewArtifact, previewCluster, type ArtifactPreview, type ClusterPreview } from "../preview";
import { runAction } from "../run-action";

const clusterIdSchema = z.int().positive();

/** Renders the cluster's artifacts with lint and a diff against the last export. */
export async function previewClusterAction(clusterId: number): Promise<ActionResult<ClusterPreview | null>> {
  return runAction(async () => {
    await requireSomeClusterPermission("preview.read");
    const id = clusterIdSchema.safeParse(clusterId);
    if (!id.success) throw new DataError("clusterId: a positive integer", { fieldErrors: { clusterId: "a positive integer" } });
    return previewCluster(id.data);
  });
}

/** One artifact of the current preview (the page loads a tab's text when it is opened). */
export async function previewArtifactAction(
  clusterId: number,
  format: string,
): Promise<ActionResult<ArtifactPreview & { documentSha256: string }>> {
  return runAction(async () => {
    await requireSomeClusterPermission("preview.read");
    const id = clusterIdSchema.safeParse(clusterId);
    if (!id.success || typeof format !== "string") throw new DataError("clusterId: a positive integer; format: a format name");
    const artifact = await previewArtifact(id.data, format);
    if (!artifact) throw new DataError(`No artifact ${JSON.stringify(format).slice(0, 40)} for this cluster.`);
    return artifact;
  });
}

/** Stores an export snapshot of what the operator previewed. */
export async function exportClusterAction(input: unknown): Promise<ActionResult<ExportOutcome>> {
  const result = await runAction(async () => {
    await requireSomeClusterPermission("export.create");
    const parsed = exportRequestSchema.safeParse(input);
    if (!parsed.success) throw new DataError("The export request is invalid.", { fieldErrors: issuesToFieldErrors(parsed.error) });
    return createExport(parsed.data);
  });
  if (result.ok && result.data.status === "created") {
    revalidatePath("/preview");
    revalidatePath("/exports");
    revalidatePath("/");
  }
  return result;
}

/** Replaces the selected cluster's content with an uploaded interchange document (form field `document`; with `baseSha256` and `documentSha256` only as previewed). */
export async function importDocumentAction(formData: FormData): Promise<ActionResult<ImportSummary>> {
  const result = await runAction(async () => {
    await requireSomeClusterPermission("document.import");
    const { clusterId, text } = await readDocumentUpload(formData);
    const baseSha256 = formData instanceof FormData ? formData.get("baseSha256") : null;
    const documentSha256 = formData instanceof FormData ? formData.get("documentSha256") : null;
    if (typeof baseSha256 === "string" && typeof documentSha256 === "string") return importPreviewedDocument(clusterId, text, { baseSha256, documentSha256 });
    return importClusterDocument(clusterId, text);
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
