-- AlterTable
ALTER TABLE "Area" ADD COLUMN     "lineage" JSONB;

-- AlterTable
ALTER TABLE "Performance" ADD COLUMN     "lineage" JSONB;

-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "lineage" JSONB;
