import {
  addCompanies,
  addIndustries,
  addParticipations,
  addRolePlays,
  addUsers,
  type Database,
  saveEdition,
} from '@ksp/db';
import type { TestSeed } from '@ksp/db/testing';
import { type Edition, type Evaluation, evaluationToRow, fieldworkColumns } from '@ksp/domain';
import { demoCompanies, demoIndustries, generateDemoEvaluations, ksp24 } from '@ksp/domain/fixtures';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export const OBSERVERS = ['observer@example.org', 'observer2@example.org', 'observer3@example.org'];

/** KSP24 with the demo industries, companies (participating on every channel they offer), role plays and observers. */
export async function setUpKsp24(db: Pick<Database, 'prisma' | 'sql'>, edition: Edition = ksp24) {
  // Stored without its parent: the import only needs this edition.
  await saveEdition(db, { ...edition, derivedFrom: null });
  await addIndustries(db, demoIndustries);
  await addCompanies(db, demoCompanies);
  await addParticipations(
    db,
    edition.key,
    demoCompanies
      .filter((c) => c.editionKeys.includes(edition.key))
      .map((c) => ({ companyKey: c.key, channels: edition.channels.map((ch) => ch.key) })),
  );
  await addRolePlays(
    db,
    edition.key,
    demoIndustries.flatMap((industry) =>
      [1, 2, 3].map((n) => ({
        key: `${industry.key}-${n}`,
        title: { nb: `Rollespill ${n}` },
        instructions: { nb: 'Test.' },
        order: n,
      })),
    ),
  );
  await addUsers(
    db,
    OBSERVERS.map((email, i) => ({ email, name: `Observer ${i + 1}`, role: 'observer', passwordHash: 'x' })),
  );
}

/** `setUpKsp24` as a template seed (`createSeededTestDatabase`): written once per test run and database kind. */
export const ksp24Seed: TestSeed<null> = {
  key: 'exchange-fieldwork-ksp24',
  write: async (db) => {
    await setUpKsp24(db);
    return null;
  },
};

/**
 * Demo evaluations for KSP24 as they would come from field work: observers by e-mail, `count` contacts
 * (about), contact ids prefixed so that several files do not collide.
 */
export function fieldworkEvaluations(count: number, { seed = 11, prefix = '' } = {}): Evaluation[] {
  const participants = demoCompanies.filter((c) => c.editionKeys.includes(ksp24.key)).length;
  const perCompany = Math.max(1, Math.ceil(count / participants));
  return generateDemoEvaluations(ksp24, demoCompanies, { seed, contactsPerCompany: perCompany })
    .slice(0, count)
    .map((e, i) => ({
      ...e,
      id: `${prefix}${e.id}`,
      observerKey: OBSERVERS[i % OBSERVERS.length] as string,
    }));
}

export function headerOf(edition: Edition = ksp24): string[] {
  return fieldworkColumns(edition).map((c) => c.name);
}

/** Rows as a CSV text with the template's header (semicolons, as Norwegian Excel writes them, when asked). */
export function toCsv(rows: readonly Record<string, string>[], delimiter = ',', header = headerOf()): string {
  return Papa.unparse(
    { fields: header, data: rows.map((r) => header.map((h) => r[h] ?? '')) },
    { delimiter },
  );
}

export const evaluationsToCsv = (evaluations: readonly Evaluation[], delimiter = ',') =>
  toCsv(evaluations.map(evaluationToRow), delimiter);

/** Rows as an XLSX file (first sheet), written with exceljs's streaming writer to keep memory flat. */
export async function toXlsx(rows: Iterable<Record<string, string>>, header = headerOf()): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Evaluations');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(header.map((h) => row[h] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
