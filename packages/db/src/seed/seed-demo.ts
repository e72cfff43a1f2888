import type { Edition } from '@ksp/domain';
import {
  type DemoCompany,
  demoCompanies,
  demoIndustries,
  demoParticipations,
  generateDemoEvaluations,
  kspEditions,
} from '@ksp/domain/fixtures';
import type { Database } from '../database/create-database';
import { addCompanies } from '../repositories/companies';
import { saveEdition } from '../repositories/editions';
import { insertEvaluations } from '../repositories/evaluations';
import { addIndustries } from '../repositories/industries';
import { addParticipations } from '../repositories/participations';
import { addRolePlays } from '../repositories/role-plays';
import { seedDemoAwardSnapshots } from './demo-award-snapshots';
import { demoRolePlays } from './demo-role-plays';
import { demoObserverEmail, seedDemoUsers } from './demo-users';

export interface SeedOptions {
  editions?: readonly Edition[];
  companies?: readonly DemoCompany[];
  contactsPerCompany?: number;
  /** The demo generator's seed: the same seed gives the same evaluations. */
  seed?: number;
}

export const DEMO_SEED = 20241123;

export interface SeedReport {
  editions: number;
  industries: number;
  companies: number;
  participations: number;
  rolePlays: number;
  users: number;
  evaluations: number;
  /** Frozen award results stored (KSP23: the publication and one corrected revision). */
  awardSnapshots: number;
}

/**
 * The demo database: KSP21–KSP24 (with their lineage back to the reconstructed KSP20), the fictional industries and
 * companies with their participations, role plays, the demo users, deterministic evaluations from the domain's
 * generator, and KSP23's frozen award results with one corrected revision. Adds only what is missing, so
 * running it again changes nothing. Returns how many rows of each kind were added.
 */
export async function seedDemo(
  db: Pick<Database, 'prisma' | 'sql'>,
  options: SeedOptions = {},
): Promise<SeedReport> {
  const editions = options.editions ?? kspEditions;
  const companies = options.companies ?? demoCompanies;
  const report: SeedReport = {
    editions: 0,
    industries: 0,
    companies: 0,
    participations: 0,
    rolePlays: 0,
    users: 0,
    evaluations: 0,
    awardSnapshots: 0,
  };

  const existing = new Set((await db.prisma.edition.findMany({ select: { key: true } })).map((e) => e.key));
  for (const edition of editions) {
    if (existing.has(edition.key)) continue;
    await saveEdition(db, edition);
    report.editions++;
  }
  report.industries = await addIndustries(db, demoIndustries);
  report.companies = await addCompanies(db, companies);
  report.users = await seedDemoUsers(db);

  for (const edition of editions) {
    const evaluations = generateDemoEvaluations(edition, companies, {
      seed: options.seed ?? DEMO_SEED,
      contactsPerCompany: options.contactsPerCompany ?? 25,
    }).map((e) => ({ ...e, observerKey: demoObserverEmail(e.observerKey) }));
    report.rolePlays += await addRolePlays(db, edition.key, demoRolePlays(demoIndustries));
    report.participations += await addParticipations(
      db,
      edition.key,
      demoParticipations(edition, companies, evaluations),
    );
    report.evaluations += (await insertEvaluations(db, edition.key, evaluations)).inserted;
  }
  report.awardSnapshots = await seedDemoAwardSnapshots(db);
  // Fresh statistics so the first results read is planned for the real table sizes.
  if (report.evaluations > 0) await db.sql.exec('ANALYZE');
  return report;
}
