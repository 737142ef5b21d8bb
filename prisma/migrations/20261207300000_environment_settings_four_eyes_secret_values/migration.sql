-- Issue 19, the rest of environments (server/deployments/README.md): an environment may require a second person's
-- approval for deploys and promotions (four eyes), which wait as a DeploymentRequest whose steps are deployment events
-- (an event belongs to a deployment, a request, or both), and a secret may hold a value per environment overriding its
-- default. Nothing changes for existing rows: no environment requires approval and no secret has overrides.

-- AlterTable
ALTER TABLE "Environment" ADD COLUMN     "requiresApproval" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "DeploymentEvent" ADD COLUMN     "requestId" TEXT,
ALTER COLUMN "deploymentId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "SecretEnvironmentValue" (
    "id" TEXT NOT NULL,
    "secretId" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "nonce" BYTEA NOT NULL,
    "keyVersion" INTEGER NOT NULL DEFAULT 1,
    "hint" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SecretEnvironmentValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentRequest" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "graphId" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "canary" JSONB,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "requestedById" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeploymentRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SecretEnvironmentValue_environmentId_idx" ON "SecretEnvironmentValue"("environmentId");

-- CreateIndex
CREATE UNIQUE INDEX "SecretEnvironmentValue_secretId_environmentId_key" ON "SecretEnvironmentValue"("secretId", "environmentId");

-- CreateIndex
CREATE INDEX "DeploymentRequest_graphId_status_idx" ON "DeploymentRequest"("graphId", "status");

-- CreateIndex
CREATE INDEX "DeploymentRequest_workspaceId_status_idx" ON "DeploymentRequest"("workspaceId", "status");

-- CreateIndex
CREATE INDEX "DeploymentEvent_requestId_idx" ON "DeploymentEvent"("requestId");

-- AddForeignKey
ALTER TABLE "SecretEnvironmentValue" ADD CONSTRAINT "SecretEnvironmentValue_secretId_fkey" FOREIGN KEY ("secretId") REFERENCES "Secret"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecretEnvironmentValue" ADD CONSTRAINT "SecretEnvironmentValue_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentEvent" ADD CONSTRAINT "DeploymentEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeploymentRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentRequest" ADD CONSTRAINT "DeploymentRequest_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentRequest" ADD CONSTRAINT "DeploymentRequest_graphId_fkey" FOREIGN KEY ("graphId") REFERENCES "Graph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentRequest" ADD CONSTRAINT "DeploymentRequest_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A deployment event tells about a deployment, a request, or both.
ALTER TABLE "DeploymentEvent" ADD CONSTRAINT "DeploymentEvent_subject_check" CHECK ("deploymentId" IS NOT NULL OR "requestId" IS NOT NULL);

-- A request is a deploy or a promotion, pending until a second member decides it.
ALTER TABLE "DeploymentRequest" ADD CONSTRAINT "DeploymentRequest_action_check" CHECK ("action" IN ('deploy', 'promote'));
ALTER TABLE "DeploymentRequest" ADD CONSTRAINT "DeploymentRequest_status_check" CHECK ("status" IN ('pending', 'approved', 'rejected'));

-- One pending request per graph and environment: a second one would leave it unclear which the approver approves.
CREATE UNIQUE INDEX "DeploymentRequest_one_pending" ON "DeploymentRequest"("graphId", "environmentId") WHERE "status" = 'pending';
