import {
  addCompanies,
  addIndustries,
  addParticipations,
  addUsers,
  type Database,
  insertEvaluations,
  loadEvaluations,
  saveEdition,
} from '@ksp/db';
import type { TestSeed } from '@ksp/db/testing';
import { deriveEdition, type Evaluation } from '@ksp/domain';
import {
  demoCompanies,
  demoIndustries,
  demoParticipations,
  generateDemoEvaluations,
  ksp23,
  ksp24,
} from '@ksp/domain/fixtures';
import { hashPassword } from '../../src/auth/password';

export const PASSWORD = 'demo-password';
export const USERS = {
  admin: 'admin@example.org',
  analyst: 'analyst@example.org',
  observer: 'observer@example.org',
  otherObserver: 'other.observer@example.org',
} as const;

export type TestDataOptions = { industries?: number; contactsPerCompany?: number };

/**
 * A small, deterministic data set: four users, KSP23 (closed) and KSP24 (published) with demo companies and
 * evaluations, and KSP25 as a draft derived from KSP24. Evaluations alternate between the two observers.
 */
export async function seedTestData(
  db: Database,
  { industries = 2, contactsPerCompany = 4 }: TestDataOptions = {},
) {
  const passwordHash = await hashPassword(PASSWORD);
  await addUsers(db, [
    { email: USERS.admin, name: 'Ada Admin', role: 'admin', passwordHash },
    { email: USERS.analyst, name: 'Ann Analyst', role: 'analyst', passwordHash },
    { email: USERS.observer, name: 'Ole Observer', role: 'observer', passwordHash },
    { email: USERS.otherObserver, name: 'Oda Observer', role: 'observer', passwordHash },
  ]);
  const chosenIndustries = demoIndustries.slice(0, industries);
  const industryKeys = new Set(chosenIndustries.map((i) => i.key));
  const companies = demoCompanies.filter((c) => industryKeys.has(c.industryKey));
  await addIndustries(
    db,
    chosenIndustries.map(({ key, name }) => ({ key, name })),
  );
  await addCompanies(
    db,
    companies.map(({ key, name, industryKey }) => ({ key, name, industryKey })),
  );

  const evaluationCounts: Record<string, number> = {};
  for (const edition of [ksp23, ksp24]) {
    const participants = companies.filter((c) => c.editionKeys.includes(edition.key));
    // The definition is written as a draft, then opened: evaluations can only go into a draft or published edition.
    await saveEdition(db, {
      ...edition,
      status: 'draft',
      derivedFrom: edition.key === 'KSP23' ? null : edition.derivedFrom,
    });
    const evaluations: Evaluation[] = generateDemoEvaluations(edition, participants, {
      seed: 7,
      contactsPerCompany,
    }).map((evaluation, i) => ({
      ...evaluation,
      rolePlayKey: null,
      observerKey: i % 2 === 0 ? USERS.observer : USERS.otherObserver,
    }));
    await addParticipations(db, edition.key, demoParticipations(edition, participants, evaluations));
    await insertEvaluations(db, edition.key, evaluations);
    evaluationCounts[edition.key] = evaluations.length;
    await db.prisma.edition.update({ where: { key: edition.key }, data: { status: 'published' } });
    if (edition.status === 'closed')
      await db.prisma.edition.update({ where: { key: edition.key }, data: { status: 'closed' } });
  }
  await saveEdition(db, deriveEdition(ksp24, { key: 'KSP25', year: 2025, name: 'Kundeserviceprisen 2025' }));
  return { companies, industries: chosenIndustries, evaluationCounts };
}

/**
 * `seedTestData` as a template seed (`createSeededTestDatabase`): written once per test run and database kind
 * for each set of options, and cloned by every test file that asks for the same.
 */
export function testDataSeed(
  options: TestDataOptions = {},
): TestSeed<Awaited<ReturnType<typeof seedTestData>>> {
  const chosen: Required<TestDataOptions> = {
    industries: options.industries ?? 2,
    contactsPerCompany: options.contactsPerCompany ?? 4,
  };
  return { key: `api-test-data:${JSON.stringify(chosen)}`, write: (db) => seedTestData(db, chosen) };
}

/**
 * Makes a real tie: `toCompanyKey`'s evaluations in the edition are replaced by copies of `fromCompanyKey`'s
 * (same channels, answers and waiting times; new contact ids; its measured channels become the other's), so
 * the two companies are equal on every ranking and channel rule and only key order could separate them. Both
 * should be in the same industry.
 */
export async function copyCompanyEvaluations(
  db: Database,
  editionKey: string,
  fromCompanyKey: string,
  toCompanyKey: string,
) {
  const source = (await loadEvaluations(db, editionKey)).filter((e) => e.companyKey === fromCompanyKey);
  await db.prisma.evaluation.deleteMany({
    where: { edition: { key: editionKey }, company: { key: toCompanyKey } },
  });
  // Measured on the same channels, so that the copies are accepted on every channel.
  const participation = (companyKey: string) => ({
    edition: { key: editionKey },
    company: { key: companyKey },
  });
  const { channels } = await db.prisma.companyParticipation.findFirstOrThrow({
    where: participation(fromCompanyKey),
    select: { channels: true },
  });
  await db.prisma.companyParticipation.updateMany({
    where: participation(toCompanyKey),
    data: { channels, version: { increment: 1 } },
  });
  await insertEvaluations(
    db,
    editionKey,
    source.map((e) => ({ ...e, id: `${e.id}-as-${toCompanyKey}`, companyKey: toCompanyKey })),
  );
  return source.length;
}
