import "server-only";
import { createHash } from "node:crypto";
import { compareRouterState, documentVips, type RouterRole } from "@/lib/domain/drift/compare-state";
import type { DriftReport } from "@/lib/domain/drift/report";
import { parseDocumentText, type LvsDocument } from "@/lib/domain/schema";
import { liveDaemons, liveIpvs, type LiveIpvs } from "@/lib/domain/state/live-view";
import { parseRouterState, type RouterState } from "@/lib/domain/state/parse-state";
import { routerAddresses } from "@/lib/domain/state/router-addresses";
import { requireClusterPermission } from "./auth/cluster-access";
import { readClusterDocument } from "./cluster-document";
import { DataError, NotFoundError } from "./data-errors";
import { db } from "./db";
import { lastExportOf } from "./exports";
import { auditChange } from "./panel-audit";

/** The routers of a pair a state can come from. */
export const ROUTER_ROLES = ["primary", "backup"] as const satisfies readonly RouterRole[];

// A router with thousands of rules writes a few hundred KiB; the cap stays under
// the 1 MB body limit of a Next.js server action, so the refusal is ours and says why.
/** Largest state file accepted. */
export const MAX_STATE_BYTES = 900 * 1024;

/** What an upload stored. */
export interface RouterStateSummary {
  id: number;
  router: RouterRole;
  host: string;
  collectedAt: string;
  uploadedAt: string;
  uploaderName: string;
}

const isRole = (r: unknown): r is RouterRole => (ROUTER_ROLES as readonly unknown[]).includes(r);

/** Stores a collect-state file for one router of a cluster; a file that is not one is refused whole. */
export async function uploadRouterState(clusterId: number, router: unknown, text: string): Promise<RouterStateSummary> {
  const user = await requireClusterPermission(clusterId, "routerState.upload");
  if (!isRole(router)) throw new DataError("Choose the router the file comes from.", { fieldErrors: { router: `got ${JSON.stringify(router)}; allowed: primary, backup` } });
  if (Buffer.byteLength(text, "utf8") > MAX_STATE_BYTES) {
    throw new DataError(`The state file is larger than ${MAX_STATE_BYTES / 1024} KiB; nothing was stored.`, { fieldErrors: { state: "too large" } });
  }
  const parsed = parseRouterState(text);
  if (!parsed.ok) throw new DataError(`Not a collect-state file: ${parsed.message}. Nothing was stored.`, { fieldErrors: { state: parsed.message } });
  return db.$transaction(async (tx) => {
    const cluster = await tx.cluster.findUnique({ where: { id: clusterId }, select: { id: true } });
    if (!cluster) throw new NotFoundError("cluster");
    const row = await tx.routerStateUpload.create({
      data: {
        clusterId, router, host: parsed.state.host, collectedAt: new Date(parsed.state.time), content: text,
        sha256: createHash("sha256").update(text).digest("hex"), uploaderId: user.userId, uploaderName: user.username,
      },
    });
    await auditChange(tx, user, {
      action: "routerState.upload", targetType: "routerState", targetId: String(row.id), clusterId,
      detail: `${router} router ${parsed.state.host}, collected ${parsed.state.time}`,
    });
    return toSummary(row);
  });
}

function toSummary(row: { id: number; router: string; host: string; collectedAt: Date; createdAt: Date; uploaderName: string }): RouterStateSummary {
  return { id: row.id, router: row.router as RouterRole, host: row.host, collectedAt: row.collectedAt.toISOString(), uploadedAt: row.createdAt.toISOString(), uploaderName: row.uploaderName };
}

async function latestStates(clusterId: number) {
  const rows = await Promise.all(ROUTER_ROLES.map((router) => db.routerStateUpload.findFirst({ where: { clusterId, router }, orderBy: { id: "desc" } })));
  return rows.flatMap((row) => {
    if (!row) return [];
    const parsed = parseRouterState(row.content);
    return parsed.ok ? [{ summary: toSummary(row), state: parsed.state }] : [];
  });
}

/** One router as the live view shows it: as it was at collection time. */
export interface RouterLiveView {
  summary: RouterStateSummary;
  ipvs: LiveIpvs;
  daemons: string[] | null;
  /** The document's VIPs this router had configured; null when addresses were not collected. */
  vipsHeld: string[] | null;
  vipsTotal: number;
  drift: { findings: number; notCompared: number };
}

/** The last uploaded state of each router of a cluster, for the overview (Piranha CONTROL/MONITORING). */
export async function getRouterLiveViews(clusterId: number): Promise<RouterLiveView[]> {
  await requireClusterPermission(clusterId, "cluster.read");
  const doc = await readClusterDocument(clusterId);
  if (!doc) throw new NotFoundError("cluster");
  const vips = documentVips(doc);
  return (await latestStates(clusterId)).map(({ summary, state }) => {
    const addresses = routerAddresses(state);
    const held = addresses === null ? null : vips.filter((v) => addresses.some((a) => a.address === v));
    const report = compareRouterState(state, doc, summary.router);
    return {
      summary, ipvs: liveIpvs(state), daemons: liveDaemons(state), vipsHeld: held, vipsTotal: vips.length,
      drift: { findings: report.findings.length, notCompared: report.notCompared.length },
    };
  });
}

/** A router's drift, against the current model and against the last export. */
export interface RouterDrift {
  summary: RouterStateSummary;
  model: DriftReport;
  lastExport: { id: number; serialNo: number; createdAt: string; report: DriftReport } | null;
}

function exportedDocument(text: string): LvsDocument | null {
  const r = parseDocumentText(text);
  return r.ok ? r.doc : null;
}

/** The drift report of every router with an uploaded state. */
export async function getDriftReports(clusterId: number): Promise<RouterDrift[]> {
  await requireClusterPermission(clusterId, "cluster.read");
  const [doc, last] = await Promise.all([
    readClusterDocument(clusterId),
    db.export.findFirst({ ...lastExportOf(clusterId), select: { id: true, serialNo: true, createdAt: true, document: true } }),
  ]);
  if (!doc) throw new NotFoundError("cluster");
  const exported = last ? exportedDocument(last.document) : null;
  return (await latestStates(clusterId)).map(({ summary, state }: { summary: RouterStateSummary; state: RouterState }) => ({
    summary,
    model: compareRouterState(state, doc, summary.router),
    lastExport: last && exported
      ? { id: last.id, serialNo: last.serialNo, createdAt: last.createdAt.toISOString(), report: compareRouterState(state, exported, summary.router) }
      : null,
  }));
}
