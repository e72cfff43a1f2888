import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyDraftEdits,
  byOrder,
  changedFields,
  checkEdition,
  conflictingFields,
  type DraftEdit,
  draftEditSchema,
  draftEditsBetween,
  type Edition,
  emptyEdition,
  moveItem,
  moveToIndex,
  nameNewKeys,
  type Question,
  removeItem,
  replaceItem,
  touchedFields,
  translationWarnings,
} from '../src';
import { ksp24 } from '../src/fixtures';

const VERSION = 7;
const versionOf = () => VERSION;

/** An edition as stored: lineage is the server's (refreshLineage), orders dense in list order. */
function comparable(edition: Edition): unknown {
  const strip = <T extends { order: number }>(items: readonly T[], inner: (item: T) => object = () => ({})) =>
    byOrder(items).map((item) => {
      const { lineage: _, order: __, ...rest } = item as T & { lineage?: unknown };
      return { ...rest, ...inner(item) };
    });
  return {
    ...edition,
    channels: strip(edition.channels),
    areas: strip(edition.areas, (area) => ({
      performances: strip(area.performances, (performance) => ({
        questions: strip(performance.questions, (question) => ({ options: strip(question.options) })),
      })),
    })),
  };
}

function roundTrip(stored: Edition, draft: Edition) {
  const edits = draftEditsBetween(stored, draft, versionOf);
  for (const edit of edits) draftEditSchema.parse(edit); // what a client sends must parse
  const applied = applyDraftEdits(stored, edits);
  return { edits, applied };
}

const areas = (e: Edition) => byOrder(e.areas);
const firstQuestion = (e: Edition): Question => {
  for (const area of areas(e))
    for (const p of byOrder(area.performances)) if (p.questions[0]) return p.questions[0];
  throw new Error('no question');
};

/** The survey owner's yearly job on last year's edition (the issue's list). */
function yearlyJob(stored: Edition): Edition {
  let draft = structuredClone(stored);
  const [first, second] = areas(draft);
  const performance = byOrder(first?.performances ?? [])[0];
  if (!first || !second || !performance) throw new Error('fixture too small');
  draft = replaceItem(draft, { level: 'performance', key: performance.key }, (p) => ({
    ...p,
    name: { ...p.name, nb: 'Nytt navn' },
  }));
  const question = firstQuestion(draft);
  draft = replaceItem(draft, { level: 'question', key: question.key }, (q) => ({
    ...q,
    text: { nb: 'Ny tekst', en: 'New text' },
    options: q.options.map((o) => (o.points && o.points > 0 ? { ...o, points: o.points + 1 } : o)),
  }));
  draft = replaceItem(draft, { level: 'performance', key: performance.key }, (p) => ({
    ...p,
    questions: [
      ...p.questions,
      {
        key: 'chat_only',
        text: { nb: 'Kun chat', en: 'Chat only' },
        order: p.questions.length,
        type: 'yesNo',
        channels: ['chat'],
        scored: true,
        allowNotApplicable: false,
        required: true,
        options: [
          { key: 'yes', label: { nb: 'Ja', en: 'Yes' }, order: 0, points: 1, value: null },
          { key: 'no', label: { nb: 'Nei', en: 'No' }, order: 1, points: 0, value: null },
        ],
        cxMetric: null,
        critical: null,
        bonus: false,
      },
    ],
  }));
  draft = replaceItem(draft, { level: 'area', key: second.key }, (a) => ({ ...a, counting: 'unscored' }));
  draft = replaceItem(draft, { level: 'channel', key: 'phone' }, (c) => {
    const bands = c.waitingBands
      .slice(1)
      .map((band, i, all) => (i === all.length - 1 ? { ...band, upTo: 4 } : band));
    return { ...c, maxWait: 4, waitingBands: bands };
  });
  const questions = byOrder(performance.questions);
  const last = questions.at(-1);
  if (last && questions.length > 1) draft = moveToIndex(draft, { level: 'question', key: last.key }, 0);
  const moved = byOrder(second.performances)[0];
  if (moved)
    draft = moveItem(draft, { level: 'performance', key: moved.key }, { level: 'area', key: first.key });
  return { ...draft, scoring: { ...draft.scoring, headlineAreaKey: first.key } };
}

describe('draftEditsBetween and applyDraftEdits', () => {
  it('turn last year’s edition into the edited draft, field by field', () => {
    const draft = yearlyJob(ksp24);
    const { edits, applied } = roundTrip(ksp24, draft);
    expect(applied.problems).toEqual([]);
    expect(comparable(applied.edition)).toEqual(comparable(draft));
    const kinds = edits.map((edit) => edit.kind);
    expect(kinds).toContain('move');
    expect(kinds).toContain('addQuestion');
    expect(kinds.filter((kind) => kind === 'addOption')).toHaveLength(2);
    // Only what changed is sent: the reworded question names its text and options, not its type.
    const reworded = edits.find(
      (edit) => edit.kind === 'updateQuestion' && edit.key === firstQuestion(ksp24).key,
    );
    expect(reworded).toEqual({
      kind: 'updateQuestion',
      key: firstQuestion(ksp24).key,
      version: VERSION,
      text: { nb: 'Ny tekst', en: 'New text' },
    });
  });

  it('send nothing for an unchanged draft', () => {
    expect(draftEditsBetween(ksp24, structuredClone(ksp24), versionOf)).toEqual([]);
  });

  it('hold for any sequence of moves, removals, reorders and renames', () => {
    const performances = ksp24.areas.flatMap((a) => a.performances.map((p) => p.key));
    const questions = ksp24.areas.flatMap((a) =>
      a.performances.flatMap((p) => p.questions.map((q) => q.key)),
    );
    const step = fc.oneof(
      fc.record({ op: fc.constant('movePerformance'), item: fc.constantFrom(...performances), to: fc.nat() }),
      fc.record({ op: fc.constant('moveQuestion'), item: fc.constantFrom(...questions), to: fc.nat() }),
      fc.record({ op: fc.constant('removeQuestion'), item: fc.constantFrom(...questions), to: fc.nat() }),
      fc.record({ op: fc.constant('rename'), item: fc.constantFrom(...questions), to: fc.nat() }),
      fc.record({ op: fc.constant('reorder'), item: fc.constantFrom(...questions), to: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        let draft = ksp24;
        for (const { op, item, to } of steps) {
          const all = draft.areas.flatMap((a) => a.performances);
          const present =
            op === 'movePerformance'
              ? all.some((p) => p.key === item)
              : all.some((p) => p.questions.some((q) => q.key === item));
          if (!present) continue;
          if (op === 'movePerformance') {
            const area = draft.areas[to % draft.areas.length];
            if (area)
              draft = moveItem(draft, { level: 'performance', key: item }, { level: 'area', key: area.key });
          } else if (op === 'moveQuestion') {
            const target = all[to % all.length];
            if (target)
              draft = moveItem(
                draft,
                { level: 'question', key: item },
                { level: 'performance', key: target.key },
              );
          } else if (op === 'removeQuestion') draft = removeItem(draft, { level: 'question', key: item });
          else if (op === 'rename')
            draft = replaceItem(draft, { level: 'question', key: item }, (q) => ({
              ...q,
              text: { ...q.text, en: `Q ${to}` },
            }));
          else draft = moveToIndex(draft, { level: 'question', key: item }, to % 5);
        }
        const { applied } = roundTrip(ksp24, draft);
        expect(comparable(applied.edition)).toEqual(comparable(draft));
      }),
      { numRuns: 60 },
    );
  });

  it('refuse the whole list when its last edit breaks a rule, naming that edit and the field', () => {
    const question = firstQuestion(ksp24);
    const edits: DraftEdit[] = [
      draftEditSchema.parse({ kind: 'updateArea', key: ksp24.areas[0]?.key, version: 1, name: { nb: 'Ok' } }),
      draftEditSchema.parse({
        kind: 'updateQuestion',
        key: question.key,
        version: 1,
        text: { nb: null, en: null },
      }),
    ];
    const { problems } = applyDraftEdits(ksp24, edits);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      editIndex: 1,
      code: 'TEXT_REQUIRED',
      item: { level: 'question', key: question.key },
    });
    expect(problems[0]?.path).toMatch(/^areas\[\d+\]\.performances\[\d+\]\.questions\[\d+\]\.text$/);
  });

  it('name the edit that cannot apply, with its field', () => {
    const edits = [
      draftEditSchema.parse({
        kind: 'move',
        item: { level: 'question', key: firstQuestion(ksp24).key },
        version: 1,
        toKey: 'nowhere',
      }),
      draftEditSchema.parse({
        kind: 'addArea',
        key: ksp24.areas[0]?.key,
        name: { nb: 'To' },
        counting: 'unscored',
      }),
    ];
    expect(applyDraftEdits(ksp24, edits).problems.map((p) => `${p.editIndex} ${p.path} ${p.code}`)).toEqual([
      '0 edits[0].toKey PARENT_NOT_FOUND',
      '1 edits[1].key DUPLICATE_KEY',
    ]);
  });

  it('take a channel off every question when it is removed, refusing questions left without one', () => {
    const draft = { ...ksp24, channels: ksp24.channels.filter((c) => c.key !== 'messenger') };
    const edits = [
      draftEditSchema.parse({ kind: 'remove', item: { level: 'channel', key: 'messenger' }, version: 1 }),
    ];
    const applied = applyDraftEdits(ksp24, edits);
    expect(applied.problems).toEqual([]);
    expect(
      applied.edition.areas.flatMap((a) =>
        a.performances.flatMap((p) => p.questions.flatMap((q) => q.channels)),
      ),
    ).not.toContain('messenger');
    expect(draft.channels).toHaveLength(3);
  });
});

describe('field-level merge', () => {
  it('names the fields an edit touches, texts per language', () => {
    expect(
      touchedFields(
        draftEditSchema.parse({
          kind: 'updateQuestion',
          key: 'q',
          version: 1,
          text: { en: 'x' },
          scored: true,
        }),
      ),
    ).toEqual(['text.en', 'scored']);
    expect(
      touchedFields(draftEditSchema.parse({ kind: 'remove', item: { level: 'area', key: 'a' }, version: 1 })),
    ).toEqual(['*']);
  });

  it('merges edits of different fields and refuses the same field', () => {
    const changed = changedFields(
      { text: { nb: 'a', en: 'b' }, scored: true },
      { text: { nb: 'A', en: 'b' }, scored: true },
    );
    expect(changed).toEqual(['text.nb']);
    expect(conflictingFields(['text.en'], changed)).toEqual([]);
    expect(conflictingFields(['text.nb'], changed)).toEqual(['text.nb']);
    expect(conflictingFields(['*'], changed)).toEqual(['*']);
  });
});

describe('emptyEdition', () => {
  it('starts from scratch with the four KSP channels and no areas (publishing needs one)', () => {
    const edition = emptyEdition({ key: 'KSP26', year: 2026, name: 'KSP 2026' });
    expect(edition.channels.map((c) => c.key)).toEqual(['phone', 'email', 'chat', 'messenger']);
    expect(checkEdition(edition).map((issue) => issue.code)).toEqual(['AREA_REQUIRED']);
  });
});

describe('translationWarnings', () => {
  it('warns of a text missing in one of the edition’s languages', () => {
    const edition = replaceItem(ksp24, { level: 'question', key: firstQuestion(ksp24).key }, (q) => ({
      ...q,
      text: { nb: 'Bare norsk' },
    }));
    expect(translationWarnings(edition)).toContainEqual(
      expect.objectContaining({ code: 'MISSING_TRANSLATION', params: { locale: 'en' } }),
    );
  });
});

describe('nameNewKeys', () => {
  it('makes the keys of added items from their names, leaving stored keys alone', () => {
    const area = ksp24.areas[0];
    if (!area) throw new Error('fixture');
    const draft = {
      ...ksp24,
      areas: [
        ...ksp24.areas,
        { ...area, key: 'new_area', name: { nb: 'Følte seg verdsatt' }, performances: [], order: 99 },
      ],
      scoring: { ...ksp24.scoring, headlineAreaKey: 'new_area' },
    };
    const named = nameNewKeys(ksp24, draft, (key) => key.startsWith('new_'));
    expect(named.areas.at(-1)?.key).toBe('folte_seg_verdsatt');
    expect(named.scoring.headlineAreaKey).toBe('folte_seg_verdsatt');
    expect(named.areas.slice(0, -1)).toEqual(ksp24.areas);
  });
});
