import type { Edition } from '@ksp/domain';
import type { Database } from '../database/create-database';
import { readDefinitionVersion } from '../scores/definition-version';
import { editionFromRow, findEditionRow } from './editions';

/**
 * An edition as the domain sees it plus the database ids behind its keys, for writing and reading
 * evaluations without a join per answer.
 */
export interface EditionLookup {
  id: number;
  /**
   * The definition version (EditionScoring) read before the definition: contact scores computed with this
   * lookup are stamped with it (readDefinitionVersion says why before).
   */
  definitionVersion: string;
  edition: Edition;
  questionId: Map<string, number>;
  questionKey: Map<number, string>;
  /** Question key → option key → option id (nested: no key text is built per answer). */
  optionId: Map<string, Map<string, number>>;
  optionKey: Map<number, string>;
  areaId: Map<string, number>;
  areaKey: Map<number, string>;
}

export async function loadEditionLookup(
  db: Pick<Database, 'prisma' | 'sql'>,
  key: string,
): Promise<EditionLookup> {
  const definitionVersion = await readDefinitionVersion(db.sql, key);
  const row = await findEditionRow(db, key);
  const lookup: EditionLookup = {
    id: row.id,
    // An edition that does not exist: findEditionRow has thrown before this is read.
    definitionVersion: definitionVersion ?? '1',
    edition: editionFromRow(row),
    questionId: new Map(),
    questionKey: new Map(),
    optionId: new Map(),
    optionKey: new Map(),
    areaId: new Map(),
    areaKey: new Map(),
  };
  for (const area of row.areas) {
    lookup.areaId.set(area.key, area.id);
    lookup.areaKey.set(area.id, area.key);
    for (const question of area.performances.flatMap((p) => p.questions)) {
      lookup.questionId.set(question.key, question.id);
      lookup.questionKey.set(question.id, question.key);
      const options = new Map<string, number>();
      lookup.optionId.set(question.key, options);
      for (const option of question.options) {
        options.set(option.key, option.id);
        lookup.optionKey.set(option.id, option.key);
      }
    }
  }
  return lookup;
}
