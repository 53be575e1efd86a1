-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "stagingFor" INTEGER;
