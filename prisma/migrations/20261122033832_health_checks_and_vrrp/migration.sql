-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN "vrrpAdvertSeconds" INTEGER;
ALTER TABLE "Cluster" ADD COLUMN "vrrpInterface" TEXT;
ALTER TABLE "Cluster" ADD COLUMN "vrrpPreempt" BOOLEAN;
ALTER TABLE "Cluster" ADD COLUMN "vrrpPriorityBackup" INTEGER;
ALTER TABLE "Cluster" ADD COLUMN "vrrpPriorityPrimary" INTEGER;
ALTER TABLE "Cluster" ADD COLUMN "vrrpRouterId" INTEGER;

-- AlterTable
ALTER TABLE "VirtualServer" ADD COLUMN "healthCheckDigest" TEXT;
ALTER TABLE "VirtualServer" ADD COLUMN "healthCheckDnsName" TEXT;
ALTER TABLE "VirtualServer" ADD COLUMN "healthCheckDnsType" TEXT;
ALTER TABLE "VirtualServer" ADD COLUMN "healthCheckInterval" INTEGER;
ALTER TABLE "VirtualServer" ADD COLUMN "healthCheckPath" TEXT;
ALTER TABLE "VirtualServer" ADD COLUMN "healthCheckPort" INTEGER;
ALTER TABLE "VirtualServer" ADD COLUMN "healthCheckRetries" INTEGER;
ALTER TABLE "VirtualServer" ADD COLUMN "healthCheckRetryDelay" INTEGER;
ALTER TABLE "VirtualServer" ADD COLUMN "healthCheckScript" TEXT;
ALTER TABLE "VirtualServer" ADD COLUMN "healthCheckStatusCode" INTEGER;
ALTER TABLE "VirtualServer" ADD COLUMN "healthCheckTimeout" INTEGER;
ALTER TABLE "VirtualServer" ADD COLUMN "healthCheckType" TEXT;
