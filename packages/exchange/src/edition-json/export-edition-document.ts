import {
  type Database,
  listIndustries,
  listParticipants,
  listRolePlays,
  loadEdition,
  loadEvaluations,
} from '@ksp/db';
import type { Edition, Evaluation } from '@ksp/domain';
import { EDITION_DOCUMENT_FORMAT, EDITION_DOCUMENT_VERSION, type EditionDocument } from './edition-document';

export interface EditionDocumentOptions {
  /** Also export every evaluation (contacts, answers, comments). */
  withEvaluations?: boolean;
}

/**
 * An edition as one versioned JSON document. Everything is in a fixed order (participants and evaluations by
 * key, answers and comments in survey order), so exporting the same data twice gives the same text.
 */
export async function exportEditionDocument(
  db: Pick<Database, 'prisma' | 'sql'>,
  editionKey: string,
  { withEvaluations = false }: EditionDocumentOptions = {},
): Promise<EditionDocument> {
  const [edition, participants, rolePlays, industries, evaluations] = await Promise.all([
    loadEdition(db, editionKey),
    listParticipants(db, editionKey),
    listRolePlays(db, editionKey),
    listIndustries(db),
    withEvaluations ? loadEvaluations(db, editionKey) : Promise.resolve(null),
  ]);
  const used = new Set([
    ...participants.map((p) => p.industryKey),
    ...rolePlays.flatMap((r) => (r.industryKey ? [r.industryKey] : [])),
    ...(evaluations ?? []).map((e) => e.industryKey),
  ]);
  return {
    format: EDITION_DOCUMENT_FORMAT,
    version: EDITION_DOCUMENT_VERSION,
    edition,
    industries: industries.filter((i) => used.has(i.key)).map(({ key, name }) => ({ key, name })),
    participants: participants.map(({ key, name, industryKey, channels }) => ({
      key,
      name,
      industryKey,
      channels,
    })),
    rolePlays: rolePlays.map((r) => ({
      key: r.key,
      title: r.title,
      instructions: r.instructions,
      order: r.order,
      channelKey: r.channelKey,
      industryKey: r.industryKey,
    })),
    ...(evaluations ? { evaluations: inSurveyOrder(edition, evaluations) } : {}),
  };
}

/** The database keeps answers and comments unordered: put them in the order of the survey. */
function inSurveyOrder(edition: Edition, evaluations: Evaluation[]): Evaluation[] {
  const questionOrder = new Map<string, number>();
  const areaOrder = new Map<string, number>();
  edition.areas.forEach((area, a) => {
    areaOrder.set(area.key, a);
    for (const question of area.performances.flatMap((p) => p.questions))
      questionOrder.set(question.key, questionOrder.size);
  });
  const rank = (order: Map<string, number>, key: string) => order.get(key) ?? Number.MAX_SAFE_INTEGER;
  return [...evaluations]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => ({
      ...e,
      answers: [...e.answers].sort(
        (a, b) => rank(questionOrder, a.questionKey) - rank(questionOrder, b.questionKey),
      ),
      comments: Object.fromEntries(
        Object.entries(e.comments).sort(([a], [b]) => rank(areaOrder, a) - rank(areaOrder, b)),
      ),
    }));
}
