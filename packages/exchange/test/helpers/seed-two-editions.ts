import {
  addCompanies,
  addIndustries,
  addParticipations,
  addRolePlays,
  addUsers,
  type Database,
  insertEvaluations,
  saveEdition,
} from '@ksp/db';
import {
  demoCompanies,
  demoIndustries,
  demoParticipations,
  generateDemoEvaluations,
  ksp23,
  ksp24,
} from '@ksp/domain/fixtures';

export const OBSERVERS = ['observer.one@example.org', 'observer.two@example.org'];

/** Observers as users (another installation needs them too for evaluations to keep their observer). */
export async function addObservers(db: Database) {
  await addUsers(
    db,
    OBSERVERS.map((email, i) => ({ email, name: `Observer ${i + 1}`, role: 'observer', passwordHash: 'x' })),
  );
}

/**
 * A small deterministic installation: two industries, their demo companies, KSP23 (closed) and KSP24
 * (published, derived from KSP23) with participations, a role play and evaluations with comments.
 */
export async function seedTwoEditions(db: Database, contactsPerCompany = 3) {
  await addObservers(db);
  const industries = demoIndustries.slice(0, 2);
  const keys = new Set(industries.map((i) => i.key));
  const companies = demoCompanies.filter((c) => keys.has(c.industryKey));
  await addIndustries(
    db,
    industries.map(({ key, name }) => ({ key, name })),
  );
  await addCompanies(
    db,
    companies.map(({ key, name, industryKey }) => ({ key, name, industryKey })),
  );
  for (const edition of [ksp23, ksp24]) {
    const participants = companies.filter((c) => c.editionKeys.includes(edition.key));
    await saveEdition(db, {
      ...edition,
      status: 'draft',
      derivedFrom: edition.key === 'KSP23' ? null : 'KSP23',
    });
    await addRolePlays(db, edition.key, [
      {
        key: 'lost-parcel',
        title: { nb: 'Pakken kom ikke', en: 'The parcel did not arrive' },
        instructions: { nb: 'Spør hvor pakken er.', en: 'Ask where the parcel is.' },
        order: 1,
      },
    ]);
    const evaluations = generateDemoEvaluations(edition, participants, { seed: 5, contactsPerCompany }).map(
      (e, i) => ({
        ...e,
        rolePlayKey: i % 3 === 0 ? 'lost-parcel' : null,
        observerKey: OBSERVERS[i % 2] as string,
      }),
    );
    await addParticipations(db, edition.key, demoParticipations(edition, participants, evaluations));
    await insertEvaluations(db, edition.key, evaluations);
    await db.prisma.edition.update({ where: { key: edition.key }, data: { status: 'published' } });
    if (edition.status === 'closed')
      await db.prisma.edition.update({ where: { key: edition.key }, data: { status: 'closed' } });
  }
  return { industries, companies };
}
