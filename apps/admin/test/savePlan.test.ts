import { moveToIndex, removeItem, replaceItem } from '@ksp/domain';
import { kspEdition } from '@ksp/domain/fixtures';
import { describe, expect, it } from 'vitest';
import { savePlan } from '../src/adapters/savePlan';
import { addOption, addPerformance, addQuestion, withAddedKeys } from '../src/features/editor/newItems';

const stored = kspEdition('KSP24');
const firstArea = [...stored.areas].sort((a, b) => a.order - b.order)[0];
const firstChannel = stored.channels[0];
// The first performance with a question that has options (KSP24 has one question per performance).
const performance = stored.areas
  .flatMap((a) => a.performances)
  .find((p) => p.questions.some((q) => q.options.length >= 2));
const area = stored.areas.find((a) => a.performances.includes(performance as never));
const question = performance?.questions.find((q) => q.options.length >= 2);
if (!firstArea || !firstChannel || !area || !performance || !question) throw new Error('KSP24 fixture shape');
const questionRef = { level: 'question', key: question.key } as const;

describe('savePlan', () => {
  it('plans nothing for an unchanged draft', () => {
    expect(savePlan(stored, stored)).toEqual({ steps: [] });
  });

  it('sends only the changed fields of a renamed area, as translations', () => {
    const draft = replaceItem(stored, { level: 'area', key: firstArea.key }, (a) => ({
      ...a,
      name: { ...a.name, nb: 'Nytt navn' },
    }));
    expect(savePlan(stored, draft).steps).toEqual([
      {
        kind: 'updateArea',
        item: { level: 'area', key: firstArea.key },
        input: {
          name: [
            { locale: 'nb', text: 'Nytt navn' },
            ...(firstArea.name.en ? [{ locale: 'en', text: firstArea.name.en }] : []),
          ],
        },
      },
    ]);
  });

  it('renames a performance with updatePerformance', () => {
    const draft = replaceItem(stored, { level: 'performance', key: performance.key }, (p) => ({
      ...p,
      name: { ...p.name, nb: 'Omdøpt' },
    }));
    const [step, ...rest] = savePlan(stored, draft).steps;
    expect(rest).toEqual([]);
    expect(step).toMatchObject({
      kind: 'updatePerformance',
      item: { level: 'performance', key: performance.key },
      input: { name: expect.arrayContaining([{ locale: 'nb', text: 'Omdøpt' }]) },
    });
  });

  it("changes one option's points with updateOption (and nothing else)", () => {
    const option = question.options[1];
    if (!option) throw new Error('two options');
    const draft = replaceItem(stored, questionRef, (q) => ({
      ...q,
      options: q.options.map((o) => (o.key === option.key ? { ...o, points: (o.points ?? 0) + 2 } : o)),
    }));
    expect(savePlan(stored, draft).steps).toEqual([
      {
        kind: 'updateOption',
        item: { level: 'option', key: option.key, questionKey: question.key },
        input: { points: (option.points ?? 0) + 2 },
      },
    ]);
  });

  it('adds a chat-only question with its options, without a key (the API makes it from the text)', () => {
    const added = addQuestion(stored, [area.key, performance.key]);
    const key = added.id.split('/').at(-1) ?? '';
    const draft = replaceItem(added.edition, { level: 'question', key }, (q) => ({
      ...q,
      text: { nb: 'Brukte agenten navnet ditt?', en: 'Did the agent use your name?' },
      channels: ['chat'],
    }));
    const steps = savePlan(stored, draft).steps;
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({
      kind: 'addQuestion',
      parentKey: performance.key,
      input: {
        channels: ['chat'],
        type: 'yesNo',
        options: [
          {
            label: [
              { locale: 'nb', text: 'Ja' },
              { locale: 'en', text: 'Yes' },
            ],
            points: 1,
          },
          {
            label: [
              { locale: 'nb', text: 'Nei' },
              { locale: 'en', text: 'No' },
            ],
            points: 0,
          },
        ],
      },
    });
    expect(steps[0] && 'input' in steps[0] && 'key' in steps[0].input).toBe(false);
  });

  it('adds a performance with its questions, the questions under the new performance', () => {
    const withPerformance = addPerformance(stored, firstArea.key);
    const performanceKey = withPerformance.id.split('/').at(-1) ?? '';
    const draft = addQuestion(withPerformance.edition, [firstArea.key, performanceKey]).edition;
    const kinds = savePlan(stored, draft).steps.map((s) => [s.kind, 'parentKey' in s ? s.parentKey : null]);
    expect(kinds).toEqual([
      ['addPerformance', firstArea.key],
      ['addQuestion', performanceKey],
    ]);
  });

  it('runs updates, then removals, then additions, then reorders', () => {
    let draft = removeItem(stored, questionRef);
    const otherQuestion = stored.areas
      .flatMap((a) => a.performances)
      .find((p) => p.key !== performance.key && (p.questions[0]?.options.length ?? 0) > 0)?.questions[0];
    if (!otherQuestion) throw new Error('another question with options');
    draft = addOption(draft, otherQuestion);
    draft = replaceItem(draft, { level: 'area', key: firstArea.key }, (a) => ({
      ...a,
      weight: (a.weight ?? 0) + 1,
    }));
    draft = moveToIndex(draft, { level: 'area', key: firstArea.key }, 1);
    const kinds = savePlan(stored, draft).steps.map((s) => s.kind);
    expect(kinds).toEqual(['updateArea', 'removeQuestion', 'addOption', 'reorderAreas']);
  });

  it('sends a channel’s waiting bands when a band’s points change', () => {
    const bands = firstChannel.waitingBands.map((b, i) => (i === 0 ? { ...b, points: b.points + 1 } : b));
    const draft = {
      ...stored,
      channels: stored.channels.map((c) => (c.key === firstChannel.key ? { ...c, waitingBands: bands } : c)),
    };
    expect(savePlan(stored, draft).steps).toEqual([
      {
        kind: 'setChannelRule',
        item: { level: 'channel', key: firstChannel.key },
        input: { waitingBands: bands },
      },
    ]);
  });

  it('reorders areas with every key in the new order', () => {
    const draft = moveToIndex(stored, { level: 'area', key: firstArea.key }, 1);
    const step = savePlan(stored, draft).steps.find((s) => s.kind === 'reorderAreas');
    const second = [...stored.areas].sort((a, b) => a.order - b.order)[1];
    expect(step && 'keys' in step ? step.keys.slice(0, 2) : []).toEqual([second?.key, firstArea.key]);
  });

  it('reorders the options of a question with reorderOptions', () => {
    const [first] = [...question.options].sort((a, b) => a.order - b.order);
    const draft = moveToIndex(
      stored,
      { level: 'option', questionKey: question.key, key: first?.key ?? '' },
      1,
    );
    expect(savePlan(stored, draft).steps).toMatchObject([
      { kind: 'reorderOptions', parentKey: question.key },
    ]);
  });

  it('after a save that stopped halfway, the kept draft uses the keys the API gave', () => {
    const added = addQuestion(stored, [area.key, performance.key]);
    const provisional = added.id.split('/').at(-1) ?? '';
    const rebased = withAddedKeys(added.edition, new Map([[`question:${provisional}`, 'brukte_navnet']]));
    const keys =
      rebased.areas
        .flatMap((a) => a.performances)
        .find((p) => p.key === performance.key)
        ?.questions.map((q) => q.key) ?? [];
    expect(keys).toContain('brukte_navnet');
    expect(keys).not.toContain(provisional);
  });
});
