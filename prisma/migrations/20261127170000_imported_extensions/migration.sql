-- CreateTable
CREATE TABLE "ImportedExtension" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "version" TEXT,
    "configSchema" JSONB NOT NULL,
    "uiHints" JSONB,
    "tools" JSONB NOT NULL,
    "channels" JSONB NOT NULL,
    "providers" JSONB NOT NULL,
    "importedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportedExtension_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportedExtension_workspaceId_kind_externalId_key" ON "ImportedExtension"("workspaceId", "kind", "externalId");

-- AddForeignKey
ALTER TABLE "ImportedExtension" ADD CONSTRAINT "ImportedExtension_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

