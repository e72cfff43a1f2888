import {
  type ChannelKey,
  DomainValidationError,
  type Edition,
  type Evaluation,
  evaluationReferences,
  parseEdition,
  type ValidationIssue,
  validateEvaluation,
} from '@ksp/domain';
import type { Database } from '../database/create-database';
import { ConstraintViolationError } from '../errors/database-errors';
import { withDatabaseErrors } from '../errors/translate-database-error';
import { type RecordChange, recordNothing } from './change-recorder';
import { insertEdition } from './editions';
import type { IndustryRecord } from './industries';
import type { RolePlayRecord } from './role-plays';
import { storedAnswers } from './stored-answers';
import { storedComments } from './stored-comments';
import { LONG_TRANSACTION, type TransactionClient } from './transaction-client';
import { normalizeEmail } from './users';

/** A company as it takes part in the imported edition. */
export interface ImportedParticipant {
  key: string;
  name: string;
  /** The industry it competes in this edition. */
  industryKey: string;
  channels: ChannelKey[];
}

/** A whole edition as another installation exported it (see @ksp/exchange edition-json). */
export interface EditionImportInput {
  edition: Edition;
  industries: readonly IndustryRecord[];
  participants: readonly ImportedParticipant[];
  rolePlays: readonly RolePlayRecord[];
  /** Their `editionKey` must be the edition's key. */
  evaluations?: readonly Evaluation[];
}

export interface EditionImportResult {
  editionKey: string;
  industriesAdded: number;
  companiesAdded: number;
  participants: number;
  rolePlays: number;
  evaluations: number;
  /** The parent edition named by `derivedFrom` when this installation does not have it (then imported without a parent). */
  derivedFromDropped: string | null;
  /** Observer e-mails without a user here: their evaluations were imported without an observer. */
  observersMissing: string[];
}

/** Rows per createMany: keeps every statement well under PostgreSQL's 65,535 parameters. */
const ROWS_PER_INSERT = 2_000;

/**
 * Imports an edition exported from another installation, in ONE transaction: nothing is written when
 * anything fails. The definition is checked by the domain's parseEdition, every evaluation by
 * validateEvaluation and against the document's participants and role plays. An existing edition key is
 * refused (ConstraintViolationError 'unique'); industries and companies already present are reused as they are.
 * `recordChange` writes the audit entry inside the same transaction.
 */
export async function importEdition(
  db: Pick<Database, 'prisma'>,
  input: EditionImportInput,
  recordChange: RecordChange = recordNothing,
): Promise<EditionImportResult> {
  const edition = parseEdition(input.edition);
  const evaluations = input.evaluations ?? [];
  // Companies of this installation that the document does not list take no part: "not taking part", not "unknown".
  const companies = await db.prisma.company.findMany({ select: { key: true } });
  const issues = documentIssues(
    edition,
    input,
    evaluations,
    companies.map((c) => c.key),
  );
  if (issues.length > 0) throw new DomainValidationError(`Edition ${edition.key} import`, issues);

  return withDatabaseErrors(() =>
    db.prisma.$transaction(async (tx) => {
      const existing = await tx.edition.findUnique({ where: { key: edition.key }, select: { id: true } });
      if (existing) {
        throw new ConstraintViolationError(
          'unique',
          `edition ${edition.key} already exists in this installation; import it under a new key`,
        );
      }
      const parent = edition.derivedFrom
        ? await tx.edition.findUnique({ where: { key: edition.derivedFrom }, select: { id: true } })
        : null;
      const derivedFromDropped = edition.derivedFrom && !parent ? edition.derivedFrom : null;
      const industriesAdded = await addMissingIndustries(tx, input.industries);
      const { companiesAdded, companyId, industryId } = await addMissingCompanies(tx, input.participants);
      // Written as a draft first: evaluations go only into a draft or published edition; the status comes last.
      const editionId = await insertEdition(tx, {
        ...edition,
        status: 'draft',
        derivedFrom: derivedFromDropped ? null : edition.derivedFrom,
      });
      await tx.companyParticipation.createMany({
        data: input.participants.map((p) => ({
          editionId,
          companyId: companyId.get(p.key) as number,
          industryId: industryId.get(p.industryKey) as number,
          channels: p.channels,
        })),
      });
      if (input.rolePlays.length > 0) {
        await tx.rolePlay.createMany({
          data: input.rolePlays.map((r) => ({
            editionId,
            key: r.key,
            title: r.title,
            instructions: r.instructions,
            order: r.order,
            channelKey: r.channelKey ?? null,
            industryId: r.industryKey ? (industryId.get(r.industryKey) as number) : null,
          })),
        });
      }
      const observersMissing = await insertImportedEvaluations(tx, editionId, evaluations, {
        companyId,
        industryId,
      });
      for (const status of statusSteps(edition.status)) {
        await tx.edition.update({ where: { id: editionId }, data: { status } });
      }
      const result: EditionImportResult = {
        editionKey: edition.key,
        industriesAdded,
        companiesAdded,
        participants: input.participants.length,
        rolePlays: input.rolePlays.length,
        evaluations: evaluations.length,
        derivedFromDropped,
        observersMissing,
      };
      await recordChange(tx, {
        action: 'edition.import',
        entityType: 'Edition',
        entityId: String(editionId),
        editionId,
        after: result,
      });
      return result;
    }, LONG_TRANSACTION),
  );
}

/** The database moves an edition forward one step at a time. */
function statusSteps(status: Edition['status']): ('published' | 'closed')[] {
  if (status === 'published') return ['published'];
  if (status === 'closed') return ['published', 'closed'];
  return [];
}

/** What the domain cannot see: references between the document's parts. */
function documentIssues(
  edition: Edition,
  input: EditionImportInput,
  evaluations: readonly Evaluation[],
  installedCompanyKeys: readonly string[],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const industries = new Set(input.industries.map((i) => i.key));
  const channels = new Set(edition.channels.map((c) => c.key));
  input.rolePlays.forEach((r, i) => {
    if (r.channelKey && !channels.has(r.channelKey))
      issues.push({
        path: `rolePlays[${i}].channelKey`,
        message: `channel "${r.channelKey}" is not in ${edition.key}`,
      });
    if (r.industryKey && !industries.has(r.industryKey))
      issues.push({
        path: `rolePlays[${i}].industryKey`,
        message: `industry "${r.industryKey}" is not in the document`,
      });
  });
  input.participants.forEach((p, i) => {
    if (!industries.has(p.industryKey))
      issues.push({
        path: `participants[${i}].industryKey`,
        message: `industry "${p.industryKey}" is not in the document`,
      });
    p.channels.forEach((channel, j) => {
      if (!channels.has(channel))
        issues.push({
          path: `participants[${i}].channels[${j}]`,
          message: `channel "${channel}" is not in ${edition.key}`,
        });
    });
  });
  // The evaluations: the domain's one check, against the document's participants and role plays. Observers
  // are not checked: one without a user here is imported without an observer (observersMissing).
  const references = evaluationReferences({
    participants: input.participants.map((p) => ({
      companyKey: p.key,
      industryKey: p.industryKey,
      channels: p.channels,
    })),
    otherCompanyKeys: installedCompanyKeys,
    rolePlays: input.rolePlays.map((r) => ({
      key: r.key,
      channelKey: r.channelKey ?? null,
      industryKey: r.industryKey ?? null,
    })),
  });
  const seen = new Set<string>();
  evaluations.forEach((evaluation, i) => {
    const path = `evaluations[${i}]`;
    for (const issue of validateEvaluation(edition, references, evaluation))
      issues.push({ ...issue, path: `${path}.${issue.path}` });
    if (seen.has(evaluation.id))
      issues.push({ path: `${path}.id`, message: `contact id "${evaluation.id}" appears twice` });
    seen.add(evaluation.id);
  });
  return issues;
}

async function addMissingIndustries(tx: TransactionClient, industries: readonly IndustryRecord[]) {
  if (industries.length === 0) return 0;
  const { count } = await tx.industry.createMany({
    data: industries.map((i) => ({ key: i.key, name: i.name })),
    skipDuplicates: true,
  });
  return count;
}

/** New companies start in the industry they compete in; companies already here keep theirs. */
async function addMissingCompanies(tx: TransactionClient, participants: readonly ImportedParticipant[]) {
  const industries = await tx.industry.findMany({ select: { id: true, key: true } });
  const industryId = new Map(industries.map((i) => [i.key, i.id]));
  const { count } = await tx.company.createMany({
    data: participants.map((p) => ({
      key: p.key,
      name: p.name,
      industryId: industryId.get(p.industryKey) as number,
    })),
    skipDuplicates: true,
  });
  const companies = await tx.company.findMany({
    where: { key: { in: participants.map((p) => p.key) } },
    select: { id: true, key: true },
  });
  return { companiesAdded: count, companyId: new Map(companies.map((c) => [c.key, c.id])), industryId };
}

async function insertImportedEvaluations(
  tx: TransactionClient,
  editionId: number,
  evaluations: readonly Evaluation[],
  refs: { companyId: Map<string, number>; industryId: Map<string, number> },
): Promise<string[]> {
  if (evaluations.length === 0) return [];
  const [questions, options, areas, rolePlays] = await Promise.all([
    tx.question.findMany({ where: { editionId }, select: { id: true, key: true } }),
    tx.answerOption.findMany({ where: { editionId }, select: { id: true, key: true, questionId: true } }),
    tx.area.findMany({ where: { editionId }, select: { id: true, key: true } }),
    tx.rolePlay.findMany({ where: { editionId }, select: { id: true, key: true } }),
  ]);
  const questionId = new Map(questions.map((q) => [q.key, q.id]));
  const questionKey = new Map(questions.map((q) => [q.id, q.key]));
  const optionId = new Map<string, Map<string, number>>();
  for (const o of options) {
    const key = questionKey.get(o.questionId) as string;
    optionId.set(key, (optionId.get(key) ?? new Map<string, number>()).set(o.key, o.id));
  }
  const areaId = new Map(areas.map((a) => [a.key, a.id]));
  const rolePlayId = new Map(rolePlays.map((r) => [r.key, r.id]));
  const emails = [
    ...new Set(evaluations.flatMap((e) => (e.observerKey ? [normalizeEmail(e.observerKey)] : []))),
  ];
  const users = await tx.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true },
  });
  const observerId = new Map(users.map((u) => [u.email, u.id]));

  for (let start = 0; start < evaluations.length; start += ROWS_PER_INSERT) {
    await tx.evaluation.createMany({
      data: evaluations.slice(start, start + ROWS_PER_INSERT).map((e) => ({
        editionId,
        contactId: e.id,
        companyId: refs.companyId.get(e.companyKey) as number,
        industryId: refs.industryId.get(e.industryKey) as number,
        channelKey: e.channel,
        rolePlayId: e.rolePlayKey === null ? null : (rolePlayId.get(e.rolePlayKey) ?? null),
        observerId: e.observerKey === null ? null : (observerId.get(normalizeEmail(e.observerKey)) ?? null),
        contactedAt: new Date(e.contactedAt),
        answered: e.answered,
        waitingTime: e.waitingTime,
        earlierAttempts: e.earlierAttempts,
        ...storedAnswers(e.answers, { questionId, optionId }),
        areaComments: storedComments(e.comments, { areaId }),
      })),
    });
  }
  return emails.filter((email) => !observerId.has(email));
}
