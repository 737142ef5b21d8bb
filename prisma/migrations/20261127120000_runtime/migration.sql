-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "frontier" JSONB,
ADD COLUMN     "spec" JSONB NOT NULL,
ADD COLUMN     "wakeAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "RunStep" ADD COLUMN     "key" TEXT NOT NULL,
ADD COLUMN     "scope" JSONB NOT NULL;

-- CreateIndex
CREATE INDEX "Run_status_wakeAt_idx" ON "Run"("status", "wakeAt");

