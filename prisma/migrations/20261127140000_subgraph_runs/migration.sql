-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "parentStepSeq" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "Run_parentRunId_parentStepSeq_key" ON "Run"("parentRunId", "parentStepSeq");

