-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "forkInput" JSONB;

