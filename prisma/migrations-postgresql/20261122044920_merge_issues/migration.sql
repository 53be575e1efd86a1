-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "vrrpAdvertSeconds" INTEGER,
ADD COLUMN     "vrrpInterface" TEXT,
ADD COLUMN     "vrrpPreempt" BOOLEAN,
ADD COLUMN     "vrrpPriorityBackup" INTEGER,
ADD COLUMN     "vrrpPriorityPrimary" INTEGER,
ADD COLUMN     "vrrpRouterId" INTEGER;

-- AlterTable
ALTER TABLE "VirtualServer" ADD COLUMN     "healthCheckDigest" TEXT,
ADD COLUMN     "healthCheckDnsName" TEXT,
ADD COLUMN     "healthCheckDnsType" TEXT,
ADD COLUMN     "healthCheckInterval" INTEGER,
ADD COLUMN     "healthCheckPath" TEXT,
ADD COLUMN     "healthCheckPort" INTEGER,
ADD COLUMN     "healthCheckRetries" INTEGER,
ADD COLUMN     "healthCheckRetryDelay" INTEGER,
ADD COLUMN     "healthCheckScript" TEXT,
ADD COLUMN     "healthCheckStatusCode" INTEGER,
ADD COLUMN     "healthCheckTimeout" INTEGER,
ADD COLUMN     "healthCheckType" TEXT;

-- CreateTable
CREATE TABLE "RouterStateUpload" (
    "id" SERIAL NOT NULL,
    "clusterId" INTEGER NOT NULL,
    "router" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "collectedAt" TIMESTAMP(3) NOT NULL,
    "content" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploaderId" INTEGER,
    "uploaderName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RouterStateUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RouterStateUpload_clusterId_router_createdAt_idx" ON "RouterStateUpload"("clusterId", "router", "createdAt");

-- AddForeignKey
ALTER TABLE "RouterStateUpload" ADD CONSTRAINT "RouterStateUpload_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;
