-- CreateTable
CREATE TABLE "Cluster" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "primaryPublicIp" TEXT NOT NULL,
    "primaryPrivateIp" TEXT,
    "network" TEXT NOT NULL DEFAULT 'nat',
    "natRouterIp" TEXT,
    "natRouterNetmask" TEXT,
    "natRouterDevice" TEXT,
    "backupEnabled" BOOLEAN NOT NULL DEFAULT false,
    "backupPublicIp" TEXT,
    "backupPrivateIp" TEXT,
    "heartbeatInterval" INTEGER NOT NULL DEFAULT 6,
    "heartbeatDeadAfter" INTEGER NOT NULL DEFAULT 18,
    "heartbeatPort" INTEGER NOT NULL DEFAULT 539,
    "monitorLinks" BOOLEAN NOT NULL DEFAULT false,
    "syncDaemon" BOOLEAN NOT NULL DEFAULT false,
    "timeoutTcp" INTEGER NOT NULL DEFAULT 0,
    "timeoutTcpFin" INTEGER NOT NULL DEFAULT 0,
    "timeoutUdp" INTEGER NOT NULL DEFAULT 0,
    "serialNo" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FirewallMarkBundle" (
    "id" SERIAL NOT NULL,
    "clusterId" INTEGER NOT NULL,
    "mark" BIGINT NOT NULL,
    "family" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "vip" TEXT NOT NULL,
    "protocol" TEXT NOT NULL DEFAULT 'tcp',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FirewallMarkBundle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BundlePort" (
    "id" SERIAL NOT NULL,
    "bundleId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "lo" INTEGER NOT NULL,
    "hi" INTEGER NOT NULL,

    CONSTRAINT "BundlePort_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VirtualServer" (
    "id" SERIAL NOT NULL,
    "clusterId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "vip" TEXT NOT NULL,
    "vipNetmask" TEXT,
    "device" TEXT,
    "protocol" TEXT NOT NULL DEFAULT 'tcp',
    "port" INTEGER NOT NULL,
    "firewallMark" BIGINT,
    "scheduler" TEXT NOT NULL DEFAULT 'wlc',
    "persistenceTimeout" INTEGER NOT NULL DEFAULT 0,
    "persistenceNetmask" TEXT,
    "reentrySeconds" INTEGER NOT NULL DEFAULT 15,
    "serviceTimeoutSeconds" INTEGER NOT NULL DEFAULT 6,
    "quiesceServer" BOOLEAN NOT NULL DEFAULT false,
    "loadMonitor" TEXT NOT NULL DEFAULT 'none',
    "sorryServer" TEXT,
    "monitorSend" TEXT,
    "monitorExpect" TEXT,
    "monitorExpectRegex" BOOLEAN NOT NULL DEFAULT false,
    "monitorSendProgram" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VirtualServer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RealServer" (
    "id" SERIAL NOT NULL,
    "virtualServerId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "port" INTEGER,
    "weight" INTEGER NOT NULL DEFAULT 1,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RealServer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "usernameKey" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "passwordChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterGrant" (
    "userId" INTEGER NOT NULL,
    "clusterId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClusterGrant_pkey" PRIMARY KEY ("userId","clusterId")
);

-- CreateTable
CREATE TABLE "ConsoleSecret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsoleSecret_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "userAgent" TEXT,
    "ip" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginFailure" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "device" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'login',
    "audited" BOOLEAN NOT NULL DEFAULT false,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Export" (
    "id" SERIAL NOT NULL,
    "clusterId" INTEGER NOT NULL,
    "serialNo" INTEGER NOT NULL,
    "authorId" INTEGER,
    "authorName" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "document" TEXT NOT NULL,
    "documentSha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Export_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExportArtifact" (
    "id" SERIAL NOT NULL,
    "exportId" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,

    CONSTRAINT "ExportArtifact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "targetName" TEXT,
    "clusterId" INTEGER,
    "before" TEXT,
    "after" TEXT,
    "detail" TEXT,
    "ip" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_name_key" ON "Cluster"("name");

-- CreateIndex
CREATE INDEX "FirewallMarkBundle_clusterId_vip_idx" ON "FirewallMarkBundle"("clusterId", "vip");

-- CreateIndex
CREATE UNIQUE INDEX "FirewallMarkBundle_clusterId_mark_family_key" ON "FirewallMarkBundle"("clusterId", "mark", "family");

-- CreateIndex
CREATE UNIQUE INDEX "FirewallMarkBundle_clusterId_name_key" ON "FirewallMarkBundle"("clusterId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "BundlePort_bundleId_position_key" ON "BundlePort"("bundleId", "position");

-- CreateIndex
CREATE INDEX "VirtualServer_clusterId_vip_idx" ON "VirtualServer"("clusterId", "vip");

-- CreateIndex
CREATE INDEX "VirtualServer_clusterId_firewallMark_idx" ON "VirtualServer"("clusterId", "firewallMark");

-- CreateIndex
CREATE UNIQUE INDEX "VirtualServer_clusterId_name_key" ON "VirtualServer"("clusterId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "RealServer_virtualServerId_name_key" ON "RealServer"("virtualServerId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_usernameKey_key" ON "User"("usernameKey");

-- CreateIndex
CREATE INDEX "ClusterGrant_clusterId_idx" ON "ClusterGrant"("clusterId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "LoginFailure_username_at_idx" ON "LoginFailure"("username", "at");

-- CreateIndex
CREATE INDEX "LoginFailure_ip_at_idx" ON "LoginFailure"("ip", "at");

-- CreateIndex
CREATE INDEX "LoginFailure_audited_at_idx" ON "LoginFailure"("audited", "at");

-- CreateIndex
CREATE INDEX "Export_clusterId_createdAt_idx" ON "Export"("clusterId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ExportArtifact_exportId_format_key" ON "ExportArtifact"("exportId", "format");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorName_at_idx" ON "AuditEvent"("actorName", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_at_idx" ON "AuditEvent"("targetType", "targetId", "at");

-- AddForeignKey
ALTER TABLE "FirewallMarkBundle" ADD CONSTRAINT "FirewallMarkBundle_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BundlePort" ADD CONSTRAINT "BundlePort_bundleId_fkey" FOREIGN KEY ("bundleId") REFERENCES "FirewallMarkBundle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VirtualServer" ADD CONSTRAINT "VirtualServer_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RealServer" ADD CONSTRAINT "RealServer_virtualServerId_fkey" FOREIGN KEY ("virtualServerId") REFERENCES "VirtualServer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterGrant" ADD CONSTRAINT "ClusterGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterGrant" ADD CONSTRAINT "ClusterGrant_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Export" ADD CONSTRAINT "Export_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Export" ADD CONSTRAINT "Export_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportArtifact" ADD CONSTRAINT "ExportArtifact_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "Export"("id") ON DELETE CASCADE ON UPDATE CASCADE;
