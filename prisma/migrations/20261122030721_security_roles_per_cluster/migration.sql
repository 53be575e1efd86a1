-- AlterTable
ALTER TABLE "User" ADD COLUMN "usernameKey" TEXT;

-- CreateTable
CREATE TABLE "ClusterGrant" (
    "userId" INTEGER NOT NULL,
    "clusterId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "clusterId"),
    CONSTRAINT "ClusterGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClusterGrant_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsoleSecret" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LoginFailure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "username" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "device" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'login',
    "audited" BOOLEAN NOT NULL DEFAULT false,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- Failures recorded before this migration were audited one by one already.
INSERT INTO "new_LoginFailure" ("at", "id", "ip", "username", "audited") SELECT "at", "id", "ip", "username", true FROM "LoginFailure";
DROP TABLE "LoginFailure";
ALTER TABLE "new_LoginFailure" RENAME TO "LoginFailure";
CREATE INDEX "LoginFailure_username_at_idx" ON "LoginFailure"("username", "at");
CREATE INDEX "LoginFailure_ip_at_idx" ON "LoginFailure"("ip", "at");
CREATE INDEX "LoginFailure_audited_at_idx" ON "LoginFailure"("audited", "at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ClusterGrant_clusterId_idx" ON "ClusterGrant"("clusterId");

-- Usernames become unique regardless of case. Existing accounts whose names
-- differ only in case from an older account's keep everything but their name:
-- they are renamed NAME-ID (the oldest account keeps the name), and each rename
-- is recorded in the audit trail so an admin can tell the owner.
INSERT INTO "AuditEvent" ("at", "actorName", "action", "targetType", "targetId", "before", "after", "detail")
SELECT CURRENT_TIMESTAMP, 'system', 'user.rename', 'user', CAST(u."id" AS TEXT),
       json_object('username', u."username"), json_object('username', u."username" || '-' || u."id"),
       'usernames are now unique regardless of case; an older account is named ' ||
         (SELECT o."username" FROM "User" o WHERE lower(o."username") = lower(u."username") AND o."id" < u."id" ORDER BY o."id" LIMIT 1)
FROM "User" u
WHERE EXISTS (SELECT 1 FROM "User" o WHERE lower(o."username") = lower(u."username") AND o."id" < u."id");

UPDATE "User" SET "username" = "username" || '-' || "id"
WHERE EXISTS (SELECT 1 FROM "User" o WHERE lower(o."username") = lower("User"."username") AND o."id" < "User"."id");

UPDATE "User" SET "usernameKey" = lower("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_usernameKey_key" ON "User"("usernameKey");

-- usernameKey follows username on every write, whoever writes it.
CREATE TRIGGER "User_usernameKey_insert" AFTER INSERT ON "User"
BEGIN
  UPDATE "User" SET "usernameKey" = lower(NEW."username") WHERE "id" = NEW."id";
END;

CREATE TRIGGER "User_usernameKey_update" AFTER UPDATE OF "username", "usernameKey" ON "User"
WHEN NEW."usernameKey" IS NOT lower(NEW."username")
BEGIN
  UPDATE "User" SET "usernameKey" = lower(NEW."username") WHERE "id" = NEW."id";
END;
