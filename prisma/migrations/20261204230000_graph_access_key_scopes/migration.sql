-- Graph restriction (named members or roles) and API key scopes plus a graph list, decided by lib/auth/policy.ts.
ALTER TABLE "Graph" ADD COLUMN "isRestricted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "allowedRoles" "Role"[] DEFAULT ARRAY[]::"Role"[],
ADD COLUMN "allowedUserIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

ALTER TABLE "ApiKey" ADD COLUMN "graphIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- A key limited to one graph keeps that graph as its list.
UPDATE "ApiKey" SET "graphIds" = ARRAY["graphId"] WHERE "graphId" IS NOT NULL;

-- Existing keys keep every scope of their role (the table of lib/auth/access-rights.ts as it stands today).
UPDATE "ApiKey" SET "scopes" = CASE "role"
  WHEN 'viewer' THEN ARRAY['workspace:read','members:read','graph:read','run:read']
  WHEN 'operator' THEN ARRAY['workspace:read','members:read','graph:read','run:read','run:start','run:cancel','run:approve']
  WHEN 'editor' THEN ARRAY['workspace:read','members:read','graph:read','run:read','run:start','run:cancel','run:approve','graph:create','graph:update','graph:delete','graph:publish']
  ELSE ARRAY['workspace:read','members:read','graph:read','run:read','run:start','run:cancel','run:approve','graph:create','graph:update','graph:delete','graph:publish','members:manage','plugins:manage','secrets:manage','egress:manage','mcp:manage','api-keys:manage']
END;

ALTER TABLE "ApiKey" DROP CONSTRAINT "ApiKey_graphId_fkey";
ALTER TABLE "ApiKey" DROP COLUMN "graphId";

-- The graph list and history filter restricted graphs out per caller.
CREATE INDEX "Graph_workspaceId_isRestricted_idx" ON "Graph"("workspaceId", "isRestricted");
