"use server";

import { revalidatePath } from "next/cache";
import * as z from "zod";
import type { ActionResult } from "@/lib/forms/action-result";
import { requireSomeClusterPermission } from "../auth/cluster-access";
import { DataError } from "../data-errors";
import type { ImportSummary } from "../document-transfer";
import { previewDocumentImport, readDocumentUpload, type DocumentImportPreview } from "../document-import-preview";
import { applyRouterImport, previewRouterImport, type ImportPreview, type UploadedFile } from "../import-router-files";
import { runAction } from "../run-action";

const clusterIdSchema = z.int().positive();
const SHA = /^[0-9a-f]{64}$/;

async function readForm(formData: FormData): Promise<{ clusterId: number; files: UploadedFile[]; format?: string }> {
  const form = formData instanceof FormData ? formData : new FormData();
  const id = clusterIdSchema.safeParse(Number(form.get("clusterId")));
  if (!id.success) throw new DataError("clusterId: a positive integer", { fieldErrors: { clusterId: "a positive integer" } });
  const files: UploadedFile[] = [];
  for (const f of form.getAll("files")) {
    if (f instanceof File && f.size > 0) files.push({ name: f.name.slice(0, 200) || "upload", text: await f.text() });
  }
  const format = form.get("format");
  return { clusterId: id.data, files, ...(typeof format === "string" && format !== "" && format !== "detect" ? { format } : {}) };
}

/** What importing the uploaded router files would change; writes nothing (form fields `files`, `format`). */
export async function previewImportAction(formData: FormData): Promise<ActionResult<ImportPreview>> {
  return runAction(async () => {
    await requireSomeClusterPermission("document.import");
    const { clusterId, files, format } = await readForm(formData);
    return previewRouterImport(clusterId, files, format);
  });
}

/** Applies the previewed import (the same files plus the preview's checksums). */
export async function applyImportAction(formData: FormData): Promise<ActionResult<ImportSummary>> {
  const result = await runAction(async () => {
    await requireSomeClusterPermission("document.import");
    const { clusterId, files, format } = await readForm(formData);
    const baseSha256 = String(formData.get("baseSha256") ?? "");
    const resultSha256 = String(formData.get("resultSha256") ?? "");
    if (!SHA.test(baseSha256) || !SHA.test(resultSha256)) throw new DataError("Preview the import before applying it; nothing was imported.");
    return applyRouterImport(clusterId, files, format, { baseSha256, resultSha256 });
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

/** What importing the uploaded interchange document would change; writes nothing (form fields `clusterId`, `document`). */
export async function previewDocumentAction(formData: FormData): Promise<ActionResult<DocumentImportPreview>> {
  return runAction(async () => {
    await requireSomeClusterPermission("document.import");
    const { clusterId, text } = await readDocumentUpload(formData);
    return previewDocumentImport(clusterId, text);
  });
}
