-- What an OpenClaw import kept out before (lib/openclaw): a plugin's channel settings schemas, tool metadata, skill
-- folders and package.json `openclaw` block, and a skill's front matter metadata, allowed tools and Markdown body.
-- Rows imported earlier keep NULL / empty lists until they are imported again.
ALTER TABLE "ImportedExtension" ADD COLUMN "channelConfigs" JSONB,
ADD COLUMN "toolMetadata" JSONB,
ADD COLUMN "skills" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "packageOpenClaw" JSONB,
ADD COLUMN "skillMetadata" JSONB,
ADD COLUMN "allowedTools" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "skillBody" TEXT;
