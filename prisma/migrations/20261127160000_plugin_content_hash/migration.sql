-- DropIndex
DROP INDEX "Plugin_pluginKey_version_key";

-- AlterTable
ALTER TABLE "Plugin" ADD COLUMN     "contentHash" TEXT NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Plugin_pluginKey_version_contentHash_key" ON "Plugin"("pluginKey", "version", "contentHash");

