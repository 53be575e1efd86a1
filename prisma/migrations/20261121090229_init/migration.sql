-- CreateTable
CREATE TABLE "Cluster" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FirewallMarkBundle" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clusterId" INTEGER NOT NULL,
    "mark" BIGINT NOT NULL,
    "family" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "vip" TEXT NOT NULL,
    "protocol" TEXT NOT NULL DEFAULT 'tcp',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FirewallMarkBundle_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BundlePort" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "bundleId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "lo" INTEGER NOT NULL,
    "hi" INTEGER NOT NULL,
    CONSTRAINT "BundlePort_bundleId_fkey" FOREIGN KEY ("bundleId") REFERENCES "FirewallMarkBundle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VirtualServer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VirtualServer_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RealServer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "virtualServerId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "port" INTEGER,
    "weight" INTEGER NOT NULL DEFAULT 1,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RealServer_virtualServerId_fkey" FOREIGN KEY ("virtualServerId") REFERENCES "VirtualServer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "passwordChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "userAgent" TEXT,
    "ip" TEXT,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LoginFailure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "username" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Export" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clusterId" INTEGER NOT NULL,
    "serialNo" INTEGER NOT NULL,
    "authorId" INTEGER,
    "authorName" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "document" TEXT NOT NULL,
    "documentSha256" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Export_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Export_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExportArtifact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "exportId" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    CONSTRAINT "ExportArtifact_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "Export" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "clusterId" INTEGER,
    "before" TEXT,
    "after" TEXT,
    "detail" TEXT,
    "ip" TEXT
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
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "LoginFailure_username_at_idx" ON "LoginFailure"("username", "at");

-- CreateIndex
CREATE INDEX "LoginFailure_ip_at_idx" ON "LoginFailure"("ip", "at");

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
