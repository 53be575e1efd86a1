-- CreateTable
CREATE TABLE "RouterStateUpload" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clusterId" INTEGER NOT NULL,
    "router" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "collectedAt" DATETIME NOT NULL,
    "content" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploaderId" INTEGER,
    "uploaderName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RouterStateUpload_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RouterStateUpload_clusterId_router_createdAt_idx" ON "RouterStateUpload"("clusterId", "router", "createdAt");
