-- CreateEnum
CREATE TYPE "EditionStatus" AS ENUM ('draft', 'published', 'closed');

-- CreateEnum
CREATE TYPE "WaitUnit" AS ENUM ('minutes', 'workingDays');

-- CreateEnum
CREATE TYPE "AreaCounting" AS ENUM ('scored', 'unscored', 'separateIndex');

-- CreateEnum
CREATE TYPE "AnswerType" AS ENUM ('choice', 'yesNo', 'scale', 'nps', 'waitingTime', 'comment');

-- CreateEnum
CREATE TYPE "CxMetric" AS ENUM ('CSAT', 'CES', 'NPS', 'VES1', 'VES2');

-- CreateEnum
CREATE TYPE "CriticalEffect" AS ENUM ('area', 'contact');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('admin', 'analyst', 'observer');

-- CreateTable
CREATE TABLE "Edition" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "status" "EditionStatus" NOT NULL DEFAULT 'draft',
    "locales" TEXT[],
    "derivedFromId" INTEGER,
    "scoring" JSONB NOT NULL,
    "awards" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Edition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelRule" (
    "id" SERIAL NOT NULL,
    "editionId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "order" INTEGER NOT NULL,
    "waitUnit" "WaitUnit" NOT NULL,
    "maxWait" DOUBLE PRECISION NOT NULL,
    "waitingBands" JSONB NOT NULL,
    "maxAttempts" INTEGER NOT NULL,
    "retryOnAnotherDay" BOOLEAN NOT NULL,
    "lateAnswerCounts" BOOLEAN NOT NULL DEFAULT false,
    "weight" DOUBLE PRECISION,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ChannelRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Area" (
    "id" SERIAL NOT NULL,
    "editionId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "order" INTEGER NOT NULL,
    "counting" "AreaCounting" NOT NULL,
    "weight" DOUBLE PRECISION,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Performance" (
    "id" SERIAL NOT NULL,
    "editionId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "order" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Performance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Question" (
    "id" SERIAL NOT NULL,
    "editionId" INTEGER NOT NULL,
    "performanceId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "text" JSONB NOT NULL,
    "order" INTEGER NOT NULL,
    "type" "AnswerType" NOT NULL,
    "channels" TEXT[],
    "scored" BOOLEAN NOT NULL,
    "allowNotApplicable" BOOLEAN NOT NULL,
    "required" BOOLEAN NOT NULL,
    "cxMetric" "CxMetric",
    "critical" "CriticalEffect",
    "bonus" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnswerOption" (
    "id" SERIAL NOT NULL,
    "editionId" INTEGER NOT NULL,
    "questionId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "label" JSONB NOT NULL,
    "order" INTEGER NOT NULL,
    "points" DOUBLE PRECISION,
    "value" DOUBLE PRECISION,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "AnswerOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RolePlay" (
    "id" SERIAL NOT NULL,
    "editionId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "title" JSONB NOT NULL,
    "instructions" JSONB NOT NULL,
    "order" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "RolePlay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Industry" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Industry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Company" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "industryId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompanyParticipation" (
    "editionId" INTEGER NOT NULL,
    "companyId" INTEGER NOT NULL,
    "industryId" INTEGER NOT NULL,
    "channels" TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CompanyParticipation_pkey" PRIMARY KEY ("editionId","companyId")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "UserRole" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMPTZ(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" UUID NOT NULL,
    "editionId" INTEGER NOT NULL,
    "contactId" TEXT NOT NULL,
    "companyId" INTEGER NOT NULL,
    "industryId" INTEGER NOT NULL,
    "channelKey" TEXT NOT NULL,
    "rolePlayId" INTEGER,
    "observerId" UUID,
    "contactedAt" TIMESTAMPTZ(3) NOT NULL,
    "answered" BOOLEAN NOT NULL,
    "waitingTime" DOUBLE PRECISION,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "evaluationId" UUID NOT NULL,
    "questionId" INTEGER NOT NULL,
    "editionId" INTEGER NOT NULL,
    "optionId" INTEGER,
    "text" TEXT,
    "notApplicable" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("evaluationId","questionId")
);

-- CreateTable
CREATE TABLE "AreaComment" (
    "evaluationId" UUID NOT NULL,
    "areaId" INTEGER NOT NULL,
    "editionId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "AreaComment_pkey" PRIMARY KEY ("evaluationId","areaId")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "editionId" INTEGER,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Edition_key_key" ON "Edition"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelRule_editionId_key_key" ON "ChannelRule"("editionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Area_editionId_key_key" ON "Area"("editionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Area_editionId_id_key" ON "Area"("editionId", "id");

-- CreateIndex
CREATE INDEX "Performance_areaId_idx" ON "Performance"("areaId");

-- CreateIndex
CREATE UNIQUE INDEX "Performance_editionId_key_key" ON "Performance"("editionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Performance_editionId_id_key" ON "Performance"("editionId", "id");

-- CreateIndex
CREATE INDEX "Question_performanceId_idx" ON "Question"("performanceId");

-- CreateIndex
CREATE UNIQUE INDEX "Question_editionId_key_key" ON "Question"("editionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Question_editionId_id_key" ON "Question"("editionId", "id");

-- CreateIndex
CREATE INDEX "AnswerOption_editionId_idx" ON "AnswerOption"("editionId");

-- CreateIndex
CREATE UNIQUE INDEX "AnswerOption_questionId_key_key" ON "AnswerOption"("questionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "AnswerOption_questionId_id_key" ON "AnswerOption"("questionId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "RolePlay_editionId_key_key" ON "RolePlay"("editionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "RolePlay_editionId_id_key" ON "RolePlay"("editionId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Industry_key_key" ON "Industry"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Company_key_key" ON "Company"("key");

-- CreateIndex
CREATE INDEX "Company_industryId_idx" ON "Company"("industryId");

-- CreateIndex
CREATE INDEX "CompanyParticipation_companyId_idx" ON "CompanyParticipation"("companyId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE INDEX "Evaluation_companyId_idx" ON "Evaluation"("companyId");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_editionId_contactId_key" ON "Evaluation"("editionId", "contactId");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_editionId_id_key" ON "Evaluation"("editionId", "id");

-- CreateIndex
CREATE INDEX "Answer_editionId_questionId_idx" ON "Answer"("editionId", "questionId");

-- CreateIndex
CREATE INDEX "AreaComment_editionId_idx" ON "AreaComment"("editionId");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_idx" ON "AuditEntry"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEntry_editionId_idx" ON "AuditEntry"("editionId");

-- AddForeignKey
ALTER TABLE "Edition" ADD CONSTRAINT "Edition_derivedFromId_fkey" FOREIGN KEY ("derivedFromId") REFERENCES "Edition"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelRule" ADD CONSTRAINT "ChannelRule_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Area" ADD CONSTRAINT "Area_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Performance" ADD CONSTRAINT "Performance_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Performance" ADD CONSTRAINT "Performance_editionId_areaId_fkey" FOREIGN KEY ("editionId", "areaId") REFERENCES "Area"("editionId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_editionId_performanceId_fkey" FOREIGN KEY ("editionId", "performanceId") REFERENCES "Performance"("editionId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerOption" ADD CONSTRAINT "AnswerOption_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerOption" ADD CONSTRAINT "AnswerOption_editionId_questionId_fkey" FOREIGN KEY ("editionId", "questionId") REFERENCES "Question"("editionId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolePlay" ADD CONSTRAINT "RolePlay_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Company" ADD CONSTRAINT "Company_industryId_fkey" FOREIGN KEY ("industryId") REFERENCES "Industry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyParticipation" ADD CONSTRAINT "CompanyParticipation_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyParticipation" ADD CONSTRAINT "CompanyParticipation_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyParticipation" ADD CONSTRAINT "CompanyParticipation_industryId_fkey" FOREIGN KEY ("industryId") REFERENCES "Industry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_editionId_companyId_fkey" FOREIGN KEY ("editionId", "companyId") REFERENCES "CompanyParticipation"("editionId", "companyId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_industryId_fkey" FOREIGN KEY ("industryId") REFERENCES "Industry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_editionId_channelKey_fkey" FOREIGN KEY ("editionId", "channelKey") REFERENCES "ChannelRule"("editionId", "key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_editionId_rolePlayId_fkey" FOREIGN KEY ("editionId", "rolePlayId") REFERENCES "RolePlay"("editionId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_observerId_fkey" FOREIGN KEY ("observerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_editionId_evaluationId_fkey" FOREIGN KEY ("editionId", "evaluationId") REFERENCES "Evaluation"("editionId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_editionId_questionId_fkey" FOREIGN KEY ("editionId", "questionId") REFERENCES "Question"("editionId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_questionId_optionId_fkey" FOREIGN KEY ("questionId", "optionId") REFERENCES "AnswerOption"("questionId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AreaComment" ADD CONSTRAINT "AreaComment_editionId_evaluationId_fkey" FOREIGN KEY ("editionId", "evaluationId") REFERENCES "Evaluation"("editionId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AreaComment" ADD CONSTRAINT "AreaComment_editionId_areaId_fkey" FOREIGN KEY ("editionId", "areaId") REFERENCES "Area"("editionId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
