-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "startNodeId" TEXT;

