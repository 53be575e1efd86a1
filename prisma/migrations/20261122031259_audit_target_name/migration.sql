-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "targetName" TEXT;

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_at_idx" ON "AuditEvent"("targetType", "targetId", "at");
