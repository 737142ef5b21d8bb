-- Blue/green (server/deployments/README.md): an idle version beside a deployment's stable one (a candidate, or the
-- previous stable on standby after a switch), replays of the stable version's finished runs through it, one row per
-- pair, and on Run whether a replay through another version may call models and hosts live.
-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "replayLiveCalls" BOOLEAN;

-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "idleRole" TEXT,
ADD COLUMN     "idleVersionId" TEXT;

-- CreateTable
CREATE TABLE "DeploymentReplay" (
    "id" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "sourceVersion" INTEGER NOT NULL,
    "targetVersion" INTEGER NOT NULL,
    "allowLiveCalls" BOOLEAN NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "changed" INTEGER,

    CONSTRAINT "DeploymentReplay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentReplayRun" (
    "replayId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sourceRunId" TEXT NOT NULL,
    "replayRunId" TEXT NOT NULL,
    "changed" BOOLEAN,

    CONSTRAINT "DeploymentReplayRun_pkey" PRIMARY KEY ("replayId","position")
);

-- CreateIndex
CREATE INDEX "DeploymentReplay_deploymentId_createdAt_idx" ON "DeploymentReplay"("deploymentId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeploymentReplayRun_replayRunId_key" ON "DeploymentReplayRun"("replayRunId");

-- CreateIndex
CREATE INDEX "DeploymentReplayRun_sourceRunId_idx" ON "DeploymentReplayRun"("sourceRunId");

-- AddForeignKey
ALTER TABLE "DeploymentReplay" ADD CONSTRAINT "DeploymentReplay_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentReplayRun" ADD CONSTRAINT "DeploymentReplayRun_replayId_fkey" FOREIGN KEY ("replayId") REFERENCES "DeploymentReplay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentReplayRun" ADD CONSTRAINT "DeploymentReplayRun_sourceRunId_fkey" FOREIGN KEY ("sourceRunId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentReplayRun" ADD CONSTRAINT "DeploymentReplayRun_replayRunId_fkey" FOREIGN KEY ("replayRunId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_idleVersionId_fkey" FOREIGN KEY ("idleVersionId") REFERENCES "GraphVersion"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

