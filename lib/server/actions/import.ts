"use server";

import { clusterAction, formDataArg, PANELS } from "../action-client";
import { DataError } from "../data-errors";
import { previewDocumentImport, readDocumentUpload } from "../document-import-preview";
import { applyRouterImport, previewRouterImport, type UploadedFile } from "../import-router-files";
import { formClusterId } from "./cluster-id";

const SHA = /^[0-9a-f]{64}$/;

async function readForm(form: FormData): Promise<{ clusterId: number; files: UploadedFile[]; format?: string }> {
  const clusterId = formClusterId(form);
  const files: UploadedFile[] = [];
  for (const f of form.getAll("files")) {
    if (f instanceof File && f.size > 0) files.push({ name: f.name.slice(0, 200) || "upload", text: await f.text() });
  }
  const format = form.get("format");
  return { clusterId, files, ...(typeof format === "string" && format !== "" && format !== "detect" ? { format } : {}) };
}

/** What importing the uploaded router files would change; writes nothing (form fields `files`, `format`). */
export const previewImportAction = clusterAction({ permission: "document.import", schema: [formDataArg()] })
  .action(async ([form]) => {
    const { clusterId, files, format } = await readForm(form);
    return previewRouterImport(clusterId, files, format);
  });

/** Applies the previewed import (the same files plus the preview's checksums). */
export const applyImportAction = clusterAction({ permission: "document.import", schema: [formDataArg()], revalidate: [PANELS] })
  .action(async ([form]) => {
    const { clusterId, files, format } = await readForm(form);
    const baseSha256 = String(form.get("baseSha256") ?? "");
    const resultSha256 = String(form.get("resultSha256") ?? "");
    if (!SHA.test(baseSha256) || !SHA.test(resultSha256)) throw new DataError("Preview the import before applying it; nothing was imported.");
    return applyRouterImport(clusterId, files, format, { baseSha256, resultSha256 });
  });

/** What importing the uploaded interchange document would change; writes nothing (form fields `clusterId`, `document`). */
export const previewDocumentAction = clusterAction({ permission: "document.import", schema: [formDataArg()] })
  .action(async ([form]) => {
    const { clusterId, text } = await readDocumentUpload(form);
    return previewDocumentImport(clusterId, text);
  });
