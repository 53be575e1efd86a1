"use server";

import * as z from "zod";
import { clusterAction, PANELS, schemaArg } from "../action-client";
import { restoreExport } from "../export-restore";

const sha = z.string().regex(/^[0-9a-f]{64}$/, "a sha256 from the restore preview");
const restoreSchema = z.object({ exportId: z.int().positive(), baseSha256: sha, resultSha256: sha });

/** Restores an export as its cluster's content after its preview (the preview's checksums confirm what was shown). */
export const restoreExportAction = clusterAction({
  permission: "document.import",
  schema: [schemaArg(restoreSchema, "Preview the restore before applying it; nothing was restored.")],
  revalidate: [PANELS],
}).action(async ([{ exportId, ...expected }]) => restoreExport(exportId, expected));
