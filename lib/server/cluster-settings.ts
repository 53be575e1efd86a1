import "server-only";
import { deriveRouterId } from "@/lib/domain/model/vrrp";
import { vrrpSchema } from "@/lib/domain/schema";
import type { GlobalSettings, GlobalSettingsInput, Redundancy, RedundancyInput } from "@/lib/domain/schema/cluster-forms";
import type { Cluster, Prisma } from "@/lib/generated/prisma/client";
import { requireClusterPermission } from "./auth/cluster-access";
import { globalSettingsData, redundancyData, toGlobalSettingsValues, toRedundancyValues } from "./cluster-mapping";
import { CLUSTER_ROW_WRITE } from "./cluster-serial";
import { DataError, NotFoundError, isUniqueViolation } from "./data-errors";
import { db } from "./db";
import { versionedWrite } from "./versioned-write";

/** A cluster's settings as the Global settings and Redundancy forms edit them. */
export interface ClusterSettingsDetail {
  id: number;
  version: number;
  serialNo: number;
  globalSettings: GlobalSettingsInput;
  redundancy: RedundancyInput;
  /** What an unset router pair renders with, for the form's hints and first values. */
  vrrpDefaults: VrrpDefaults;
}

/** The router pair's effective defaults: schema defaults plus the derived router id and advert interval. */
export interface VrrpDefaults {
  routerId: number;
  advertSeconds: number;
  priorityPrimary: number;
  priorityBackup: number;
  preempt: boolean;
}

function toDetail(c: Cluster): ClusterSettingsDetail {
  return {
    id: c.id,
    version: c.version,
    serialNo: c.serialNo,
    globalSettings: toGlobalSettingsValues(c),
    redundancy: toRedundancyValues(c),
    vrrpDefaults: { ...vrrpSchema.parse({}), routerId: deriveRouterId(c.name), advertSeconds: c.heartbeatInterval },
  };
}

/** The Global settings and Redundancy of one cluster. */
export async function getClusterSettings(clusterId: number): Promise<ClusterSettingsDetail> {
  await requireClusterPermission(clusterId, "cluster.read");
  const c = await db.cluster.findUnique({ where: { id: clusterId } });
  if (!c) throw new NotFoundError("cluster");
  return toDetail(c);
}

/** Saves Piranha GLOBAL SETTINGS (validated by the caller with globalSettingsSchema). Admins only. */
export async function updateGlobalSettings(id: number, version: number, input: GlobalSettings): Promise<ClusterSettingsDetail> {
  return saveSettings(id, version, "cluster.settings.update", globalSettingsData(input), input.name);
}

/** Saves Piranha REDUNDANCY (validated by the caller with redundancySchema). Admins only. */
export async function updateRedundancy(id: number, version: number, input: Redundancy): Promise<ClusterSettingsDetail> {
  return saveSettings(id, version, "cluster.redundancy.update", redundancyData(input));
}

async function saveSettings(
  id: number, version: number, action: string, data: Prisma.ClusterUpdateManyMutationInput, name?: string,
): Promise<ClusterSettingsDetail> {
  const user = await requireClusterPermission(id, "cluster.write");
  return versionedWrite(user, version, {
    what: "cluster",
    find: (tx) => tx.cluster.findUnique({ where: { id } }),
    current: toDetail,
    write: (tx) => tx.cluster.updateMany({ where: { id, version }, data: { ...data, ...CLUSTER_ROW_WRITE } }),
    contentOf: () => null,
    result: async (tx) => toDetail(await tx.cluster.findUniqueOrThrow({ where: { id } })),
    audit: (_, b, a) => ({
      action, targetType: "cluster", targetId: id, clusterId: id,
      before: { ...b.globalSettings, ...b.redundancy }, after: { ...a.globalSettings, ...a.redundancy },
    }),
  }).catch((error: unknown) => {
    if (isUniqueViolation(error) && name !== undefined) {
      throw new DataError(`A cluster named ${name} already exists. Nothing was saved.`, {
        fieldErrors: { name: `${name} is already taken; choose another name` },
      });
    }
    throw error;
  });
}
