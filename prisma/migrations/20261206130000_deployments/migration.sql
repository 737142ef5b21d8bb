-- Progressive delivery (server/deployments/README.md): environments per workspace, deployments of a graph's published
-- versions into them (stable, and a candidate with a share of the deliveries), and every decision as an event. Runs
-- started by triggers and API keys record their environment, deployment and arm. Every existing workspace gets
-- development, staging and production, and every existing trigger and API key belongs to production: without a
-- deployment, production runs the latest published version, exactly as before.
ALTER TABLE "ApiKey" ADD COLUMN     "environmentId" TEXT;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "deploymentArm" TEXT,
ADD COLUMN     "deploymentId" TEXT,
ADD COLUMN     "environmentId" TEXT;

-- AlterTable
ALTER TABLE "Trigger" ADD COLUMN     "environmentId" TEXT;

-- CreateTable
CREATE TABLE "Environment" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "deployRole" "Role" NOT NULL DEFAULT 'editor',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Environment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deployment" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "graphId" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "stableVersionId" TEXT NOT NULL,
    "candidateVersionId" TEXT,
    "candidateShare" INTEGER,
    "canaryStartedAt" TIMESTAMP(3),
    "minRuns" INTEGER NOT NULL DEFAULT 20,
    "maxErrorRateIncrease" DOUBLE PRECISION NOT NULL DEFAULT 0.05,
    "maxCostIncrease" DOUBLE PRECISION NOT NULL DEFAULT 0.2,
    "autoPromote" BOOLEAN NOT NULL DEFAULT false,
    "deployedById" TEXT,
    "deployedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentEvent" (
    "id" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "stableVersion" INTEGER NOT NULL,
    "candidateVersion" INTEGER,
    "candidateShare" INTEGER,
    "reason" TEXT NOT NULL DEFAULT '',
    "numbers" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeploymentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Environment_workspaceId_name_key" ON "Environment"("workspaceId", "name");

-- CreateIndex
CREATE INDEX "Deployment_workspaceId_idx" ON "Deployment"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Deployment_graphId_environmentId_key" ON "Deployment"("graphId", "environmentId");

-- CreateIndex
CREATE INDEX "DeploymentEvent_deploymentId_createdAt_idx" ON "DeploymentEvent"("deploymentId", "createdAt");

-- CreateIndex
CREATE INDEX "Run_deploymentId_createdAt_idx" ON "Run"("deploymentId", "createdAt");

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trigger" ADD CONSTRAINT "Trigger_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Environment" ADD CONSTRAINT "Environment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_graphId_fkey" FOREIGN KEY ("graphId") REFERENCES "Graph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_stableVersionId_fkey" FOREIGN KEY ("stableVersionId") REFERENCES "GraphVersion"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_candidateVersionId_fkey" FOREIGN KEY ("candidateVersionId") REFERENCES "GraphVersion"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentEvent" ADD CONSTRAINT "DeploymentEvent_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A share is a percentage of the deliveries, 1-50, and exists exactly while there is a candidate.
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_candidate_share_check" CHECK (("candidateVersionId" IS NULL AND "candidateShare" IS NULL) OR ("candidateVersionId" IS NOT NULL AND "candidateShare" BETWEEN 1 AND 50));

INSERT INTO "Environment" ("id", "workspaceId", "name", "deployRole", "position")
SELECT 'env_' || replace(gen_random_uuid()::text, '-', ''), w."id", e."name", e."deployRole"::"Role", e."position"
FROM "Workspace" w CROSS JOIN (VALUES ('development', 'editor', 0), ('staging', 'editor', 1), ('production', 'admin', 2)) AS e("name", "deployRole", "position");

UPDATE "Trigger" t SET "environmentId" = e."id" FROM "Environment" e WHERE e."workspaceId" = t."workspaceId" AND e."name" = 'production';

UPDATE "ApiKey" k SET "environmentId" = e."id" FROM "Environment" e WHERE e."workspaceId" = k."workspaceId" AND e."name" = 'production';

-- However a workspace is made (the API, the seed, a test factory, a bench), it has the three environments. The
-- migration runner splits scripts at every semicolon (see 20261206110000_run_number_on_insert), so function bodies
-- write each one as the escape \073 of an E'' string.
CREATE FUNCTION "studio_create_default_environments"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "Environment" ("id", "workspaceId", "name", "deployRole", "position")
  SELECT ''env_'' || replace(gen_random_uuid()::text, ''-'', ''''), NEW."id", e."name", e."deployRole"::"Role", e."position"
  FROM (VALUES (''development'', ''editor'', 0), (''staging'', ''editor'', 1), (''production'', ''admin'', 2)) AS e("name", "deployRole", "position")\073
  RETURN NEW\073
END
';

CREATE TRIGGER "Workspace_default_environments" AFTER INSERT ON "Workspace" FOR EACH ROW EXECUTE FUNCTION "studio_create_default_environments"();

-- A trigger or API key made without an environment belongs to its workspace's production.
CREATE FUNCTION "studio_default_to_production"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."environmentId" IS NULL THEN
    SELECT "id" INTO NEW."environmentId" FROM "Environment" WHERE "workspaceId" = NEW."workspaceId" AND "name" = ''production''\073
  END IF\073
  RETURN NEW\073
END
';

CREATE TRIGGER "Trigger_default_environment" BEFORE INSERT ON "Trigger" FOR EACH ROW EXECUTE FUNCTION "studio_default_to_production"();

CREATE TRIGGER "ApiKey_default_environment" BEFORE INSERT ON "ApiKey" FOR EACH ROW EXECUTE FUNCTION "studio_default_to_production"();
