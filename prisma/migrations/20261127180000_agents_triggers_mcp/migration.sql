-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "idempotencyKey" TEXT;

-- CreateTable
CREATE TABLE "AgentMemory" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "graphId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "sessionKey" TEXT NOT NULL,
    "messages" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgentMemory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Trigger" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "graphId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tokenHash" TEXT,
    "tokenHint" TEXT,
    "cron" TEXT,
    "timezone" TEXT,
    "nextFireAt" TIMESTAMP(3),
    "lastFiredAt" TIMESTAMP(3),
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Trigger_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "McpCommand" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "args" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "McpCommand_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AgentMemory_workspaceId_graphId_nodeId_sessionKey_key" ON "AgentMemory"("workspaceId", "graphId", "nodeId", "sessionKey");

-- CreateIndex
CREATE UNIQUE INDEX "Trigger_tokenHash_key" ON "Trigger"("tokenHash");

-- CreateIndex
CREATE INDEX "Trigger_kind_isEnabled_nextFireAt_idx" ON "Trigger"("kind", "isEnabled", "nextFireAt");

-- CreateIndex
CREATE UNIQUE INDEX "Trigger_graphId_nodeId_kind_key" ON "Trigger"("graphId", "nodeId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "McpCommand_workspaceId_name_key" ON "McpCommand"("workspaceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Run_idempotencyKey_key" ON "Run"("idempotencyKey");

-- AddForeignKey
ALTER TABLE "AgentMemory" ADD CONSTRAINT "AgentMemory_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trigger" ADD CONSTRAINT "Trigger_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "McpCommand" ADD CONSTRAINT "McpCommand_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

