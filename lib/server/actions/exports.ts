"use server";

import { revalidatePath } from "next/cache";
import * as z from "zod";
import type { ActionResult } from "@/lib/forms/action-result";
import { issuesToFieldErrors } from "@/lib/forms/issues-to-field-errors";
import { requireSomeClusterPermission } from "../auth/cluster-access";
import { DataError } from "../data-errors";
import { restoreExport, type RestoreResult } from "../export-restore";
import { runAction } from "../run-action";

const sha = z.string().regex(/^[0-9a-f]{64}$/, "a sha256 from the restore preview");
const restoreSchema = z.object({ exportId: z.int().positive(), baseSha256: sha, resultSha256: sha });

/** Restores an export as its cluster's content after its preview (the preview's checksums confirm what was shown). */
export async function restoreExportAction(input: unknown): Promise<ActionResult<RestoreResult>> {
  const result = await runAction(async () => {
    await requireSomeClusterPermission("document.import");
    const parsed = restoreSchema.safeParse(input);
    if (!parsed.success) throw new DataError("Preview the restore before applying it; nothing was restored.", { fieldErrors: issuesToFieldErrors(parsed.error) });
    const { exportId, ...expected } = parsed.data;
    return restoreExport(exportId, expected);
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
