import { describe, expect, it } from 'vitest';
import type { DefinitionChange, EditionDiff } from '../src/comparison/definition-change';
import {
  companyDeltasAcrossEditions,
  companyDeltasToIndustry,
  industryDeltas,
  type ResultDelta,
} from '../src/comparison/result-deltas';
import { computeEditionResults } from '../src/results/edition-results';
import { COMPANIES, evaluation, testEdition } from './support/test-edition';

const edition24 = testEdition();
const edition23 = testEdition((e) => {
  e.key = 'T23';
  e.year = 2023;
});
// 2024: acme 87.5 (listen yes, solved N/A); bravo 42.5. 2023: acme 42.5.
const results24 = computeEditionResults(
  edition24,
  [
    evaluation({
      id: 'a',
      answerSpecs: [
        ['listen', 'yes'],
        ['solved', 'N/A'],
        ['nps', 'v10'],
      ],
    }),
    evaluation({
      id: 'b',
      companyKey: 'bravo',
      answerSpecs: [
        ['listen', 'partly'],
        ['solved', 'no'],
        ['extra', 'yes'],
      ],
    }),
  ],
  COMPANIES,
);
const results23 = computeEditionResults(
  edition23,
  [
    evaluation({
      id: 'a',
      editionKey: 'T23',
      answerSpecs: [
        ['listen', 'partly'],
        ['solved', 'no'],
        ['extra', 'yes'],
        ['nps', 'v0'],
      ],
    }),
  ],
  COMPANIES,
);

const change = (over: Partial<DefinitionChange>): DefinitionChange => ({
  level: 'question',
  kind: 'pointsChanged',
  key: 'listen',
  path: 'agent/listening/listen',
  areaKey: 'agent',
  performanceKey: 'listening',
  before: null,
  after: null,
  summary: { nb: 'endret', en: 'changed' },
  affectsScores: true,
  ...over,
});
const diffOf = (...changes: DefinitionChange[]): EditionDiff => ({ fromKey: 'T23', toKey: 'T24', changes });
const find = (deltas: ResultDelta[], metric: string, key: string | null = null) => {
  const found = deltas.find((d) => d.metric === metric && d.key === key);
  if (!found) throw new Error(`no ${metric} ${key} delta`);
  return found;
};

describe('result deltas', () => {
  it('compares a company with itself in another edition', () => {
    const deltas = companyDeltasAcrossEditions(results24, results23, 'acme', diffOf());
    // 87.5 − 42.5 = 45
    expect(find(deltas, 'total')).toEqual({
      metric: 'total',
      key: null,
      current: 87.5,
      baseline: 42.5,
      delta: 45,
      comparable: true,
      reasons: [],
    });
    // agent 100 − 40 = 60; NPS 100 − (−100) = 200
    expect(find(deltas, 'area', 'agent').delta).toBe(60);
    expect(find(deltas, 'cx', 'NPS').delta).toBe(200);
  });

  it('flags the item a score-affecting change sits on, its parents and the total', () => {
    const deltas = companyDeltasAcrossEditions(results24, results23, 'acme', diffOf(change({})));
    expect(find(deltas, 'performance', 'listening').comparable).toBe(false);
    expect(find(deltas, 'area', 'agent').comparable).toBe(false);
    expect(find(deltas, 'headline').comparable).toBe(false);
    expect(find(deltas, 'total').reasons).toEqual([
      {
        level: 'question',
        kind: 'pointsChanged',
        key: 'listen',
        path: 'agent/listening/listen',
        summary: { nb: 'endret', en: 'changed' },
      },
    ]);
    expect(find(deltas, 'channel', 'phone').comparable).toBe(false);
    // siblings and other areas stay comparable
    expect(find(deltas, 'performance', 'solution').comparable).toBe(true);
    expect(find(deltas, 'area', 'wait').comparable).toBe(true);
    expect(find(deltas, 'cx', 'NPS').comparable).toBe(true);
  });

  it('ignores changes that do not affect scores', () => {
    const deltas = companyDeltasAcrossEditions(
      results24,
      results23,
      'acme',
      diffOf(change({ kind: 'renamed', affectsScores: false })),
    );
    expect(deltas.every((d) => d.comparable)).toBe(true);
  });

  it('keeps the total comparable when a change sits outside it', () => {
    const cxChange = change({
      key: 'nps',
      path: 'cx/nps/nps',
      areaKey: 'cx',
      performanceKey: 'nps',
      affectsTotal: false,
    });
    const deltas = companyDeltasAcrossEditions(results24, results23, 'acme', diffOf(cxChange));
    expect(find(deltas, 'total').comparable).toBe(true);
    expect(find(deltas, 'cx', 'NPS').comparable).toBe(false);
    expect(find(deltas, 'area', 'cx').comparable).toBe(false);
  });

  it('lets channel waiting rules reach only that channel and the waiting-time parts', () => {
    const bands = change({
      level: 'channel',
      kind: 'waitingRulesChanged',
      key: 'email',
      path: 'email',
      areaKey: null,
      performanceKey: null,
    });
    const deltas = companyDeltasAcrossEditions(results24, results23, 'acme', diffOf(bands));
    expect(find(deltas, 'channel', 'email').comparable).toBe(false);
    expect(find(deltas, 'channel', 'phone').comparable).toBe(true);
    expect(find(deltas, 'performance', 'wait_time').comparable).toBe(false);
    expect(find(deltas, 'area', 'wait').comparable).toBe(false);
    expect(find(deltas, 'area', 'agent').comparable).toBe(true);
    expect(find(deltas, 'total').comparable).toBe(false);
  });

  it('compares a company with its industry average', () => {
    const deltas = companyDeltasToIndustry(results24, 'acme');
    // bank average (87.5 + 42.5) / 2 = 65 → 87.5 − 65 = 22.5
    expect(find(deltas, 'total')).toMatchObject({
      current: 87.5,
      baseline: 65,
      delta: 22.5,
      comparable: true,
    });
  });

  it('compares an industry across editions', () => {
    const deltas = industryDeltas(results24, 'bank', results23, 'bank', diffOf());
    // 2024 bank average 65; 2023 bank average 42.5 (acme alone) → 22.5
    expect(find(deltas, 'total').delta).toBe(22.5);
  });

  it('flags a changed headline area', () => {
    const other = computeEditionResults(
      testEdition((e) => {
        e.key = 'T23';
        e.scoring.headlineAreaKey = 'wait';
      }),
      [],
      COMPANIES,
    );
    const deltas = industryDeltas(results24, 'bank', other, 'bank', null);
    expect(find(deltas, 'headline')).toMatchObject({ comparable: false, baseline: null, delta: null });
    expect(find(deltas, 'headline').reasons[0]?.summary.en).toBe(
      'The headline area changed from wait to agent',
    );
  });
});
