-- AlterTable
ALTER TABLE "School" ADD COLUMN     "promotionRules" TEXT;
