-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "earlierAttempts" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "RolePlay" ADD COLUMN     "industryId" INTEGER;

-- AddForeignKey
ALTER TABLE "RolePlay" ADD CONSTRAINT "RolePlay_industryId_fkey" FOREIGN KEY ("industryId") REFERENCES "Industry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
