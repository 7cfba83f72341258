-- AlterTable
ALTER TABLE "Guardian" ADD COLUMN     "phoneAsEntered" TEXT;
