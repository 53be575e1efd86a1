"use server";

import { revalidatePath } from "next/cache";
import * as z from "zod";
import { exportRequestSchema } from "@/lib/domain/schema/export-request";
import type { ActionResult } from "@/lib/forms/action-result";
import { issuesToFieldErrors } from "@/lib/forms/issues-to-field-errors";
import { importClusterDocument, type ImportSummary } from "../document-transfer";
import { createExport, type ExportOutcome } from "../exports";
import { previewCluster, type ClusterPreview } from "../preview";
import { runAction } from "../run-action";

const clusterIdSchema = z.int().positive();

/** Renders the cluster's artifacts with lint and a diff against the last export. */
export async function previewClusterAction(clusterId: number): Promise<ActionResult<ClusterPreview | null>> {
  const id = clusterIdSchema.safeParse(clusterId);
  if (!id.success) return { ok: false, message: "clusterId: a positive integer" };
  return runAction(() => previewCluster(id.data));
}

/** Stores an export snapshot of what the operator previewed. */
export async function exportClusterAction(input: unknown): Promise<ActionResult<ExportOutcome>> {
  const parsed = exportRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "The export request is invalid.", fieldErrors: issuesToFieldErrors(parsed.error) };
  const result = await runAction(() => createExport(parsed.data));
  if (result.ok && result.data.status === "created") {
    revalidatePath("/preview");
    revalidatePath("/exports");
    revalidatePath("/");
  }
  return result;
}

/** Replaces the selected cluster's content with an uploaded interchange document (form field `document`). */
export async function importDocumentAction(formData: FormData): Promise<ActionResult<ImportSummary>> {
  const id = clusterIdSchema.safeParse(Number(formData.get("clusterId")));
  const file = formData.get("document");
  if (!id.success) return { ok: false, message: "clusterId: a positive integer" };
  if (!(file instanceof Blob) || file.size === 0) {
    return { ok: false, message: "Choose a JSON interchange document to upload.", fieldErrors: { document: "required; allowed: a .json file" } };
  }
  const text = await file.text();
  const result = await runAction(() => importClusterDocument(id.data, text));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
