-- AlterTable
ALTER TABLE "RolePlay" ADD COLUMN     "channelKey" TEXT;

-- AddForeignKey
ALTER TABLE "RolePlay" ADD CONSTRAINT "RolePlay_editionId_channelKey_fkey" FOREIGN KEY ("editionId", "channelKey") REFERENCES "ChannelRule"("editionId", "key") ON DELETE RESTRICT ON UPDATE CASCADE;
