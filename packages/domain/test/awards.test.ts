import { describe, expect, it } from 'vitest';
import { awardCategories, DEFAULT_AWARD_CATEGORIES, evaluateAwards } from '../src/awards/award-categories';
import {
  type AwardSnapshot,
  createAwardSnapshot,
  isReadableAwardSnapshotVersion,
} from '../src/awards/award-snapshot';
import { diffAwardSnapshots } from '../src/awards/diff-award-snapshots';
import { computeEditionResults } from '../src/results/edition-results';
import { catchValidationError } from './support/catch-validation-error';
import { COMPANIES, evaluation, testEdition } from './support/test-edition';

// Two contacts each (minContacts 2). Weighted total = (1·wait + 3·agent)/4.
// acme:  wait 2 min → 1/2 = 50 %, listen partly 1/2, solved no 0/3, extra yes +1 → agent 2/5 = 40 % → 42.5
// bravo: wait 1 min → 2/2 = 100 %, listen yes 2/2, solved yes 3/3 → agent 100 % → 100
// cargo (transport, alone in its class): wait 4 min → 0 %, listen yes, solved yes → agent 100 % → 75
const acme = () =>
  evaluation({
    companyKey: 'acme',
    answerSpecs: [
      ['listen', 'partly'],
      ['solved', 'no'],
      ['extra', 'yes'],
    ],
  });
const bravo = () =>
  evaluation({
    companyKey: 'bravo',
    waitingTime: 1,
    answerSpecs: [
      ['listen', 'yes'],
      ['solved', 'yes'],
    ],
  });
const cargo = () =>
  evaluation({
    companyKey: 'cargo',
    industryKey: 'transport',
    waitingTime: 4,
    answerSpecs: [
      ['listen', 'yes'],
      ['solved', 'yes'],
    ],
  });

describe('award categories as data', () => {
  const edition = testEdition();
  const results = computeEditionResults(
    edition,
    [acme(), acme(), bravo(), bravo(), cargo(), cargo()],
    COMPANIES,
  );

  it('defaults to class winners, the overall winner and best per channel', () => {
    expect(awardCategories(edition)).toBe(DEFAULT_AWARD_CATEGORIES);
    const outcomes = evaluateAwards(results, edition);
    expect(
      outcomes.map((o) => [o.categoryKey, o.industryKey ?? o.channel, o.winner, o.score, o.withheld]),
    ).toEqual([
      ['class_winner', 'bank', 'bravo', 100, null],
      // One eligible company, fewer than minCompaniesPerIndustry 2: withheld.
      ['class_winner', 'transport', null, null, '1 eligible companies, fewer than the 2 required'],
      ['overall', null, 'bravo', 100, null],
      ['best_on_channel', 'phone', 'bravo', 100, null],
      ['best_on_channel', 'email', null, null, 'no eligible company on this channel'],
    ]);
    // A clear winner: one in `winners`, no key-order flag.
    expect(outcomes.map((o) => [o.winners, o.decidedByKeyOrder])).toEqual([
      [['bravo'], false],
      [[], false],
      [['bravo'], false],
      [['bravo'], false],
      [[], false],
    ]);
  });

  it('gives only the categories an edition lists', () => {
    const onlyPhone = testEdition((input) => {
      (input.awards as { categories?: unknown }).categories = [
        { key: 'best_phone', kind: 'bestOnChannel', channel: 'phone' },
      ];
    });
    expect(evaluateAwards(results, onlyPhone).map((o) => [o.categoryKey, o.channel, o.winner])).toEqual([
      ['best_phone', 'phone', 'bravo'],
    ]);
  });
});

describe('award snapshots and revisions', () => {
  const edition = testEdition();
  const first = computeEditionResults(
    edition,
    [acme(), acme(), bravo(), bravo(), cargo(), cargo()],
    COMPANIES,
  );

  it('is plain JSON, frozen, and independent of later corrections', () => {
    const snapshot = createAwardSnapshot(first, edition, { revision: 1, rulesVersion: 'rules-2024.1' });
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(Object.isFrozen(snapshot.overall[0])).toBe(true);
    expect(snapshot).toMatchObject({ snapshotVersion: 2, editionKey: 'T24', revision: 1, reason: null });
    // Overall: bravo 100, cargo 75, acme 42.5.
    expect(snapshot.overall.map((e) => [e.companyKey, e.position, e.total])).toEqual([
      ['bravo', 1, 100],
      ['cargo', 2, 75],
      ['acme', 3, 42.5],
    ]);
    expect(snapshot.winners).toEqual({
      overall: 'bravo',
      byIndustry: { bank: 'bravo', transport: null },
      byChannel: { phone: 'bravo', email: null },
    });
    // Mutating the live results later does not reach the snapshot.
    (first.overall.entries[0] as { total: number | null }).total = 0;
    expect(snapshot.overall[0]?.total).toBe(100);
  });

  it('a correction is a new revision with a reason; the diff lists what changed', () => {
    const a = createAwardSnapshot(
      computeEditionResults(edition, [acme(), acme(), bravo(), bravo(), cargo(), cargo()], COMPANIES),
      edition,
      { revision: 1, rulesVersion: 'r1' },
    );
    // Correction: bravo's second contact was in fact not answered → bravo (100 + 0)/2 = 50, below cargo 75.
    const corrected = computeEditionResults(
      edition,
      [
        acme(),
        acme(),
        bravo(),
        evaluation({ companyKey: 'bravo', answered: false, waitingTime: null }),
        cargo(),
        cargo(),
      ],
      COMPANIES,
    );
    const b = createAwardSnapshot(corrected, edition, {
      revision: 2,
      reason: 'Contact e2 was not answered',
      rulesVersion: 'r1',
    });
    const diff = diffAwardSnapshots(a, b);
    expect(diff).toMatchObject({ fromRevision: 1, toRevision: 2, reason: 'Contact e2 was not answered' });
    expect(diff.changes).toEqual([
      { kind: 'winnerChanged', award: 'overall', before: 'bravo', after: 'cargo' },
      // Best på telefon: cargo 75 now beats bravo's phone total 50. Bank still goes to bravo (50 > acme 42.5).
      { kind: 'winnerChanged', award: 'channel:phone', before: 'bravo', after: 'cargo' },
      { kind: 'positionChanged', ranking: 'overall', companyKey: 'cargo', before: 2, after: 1 },
      { kind: 'positionChanged', ranking: 'overall', companyKey: 'bravo', before: 1, after: 2 },
      { kind: 'scoreChanged', ranking: 'overall', companyKey: 'bravo', before: 100, after: 50 },
      { kind: 'scoreChanged', ranking: 'industry:bank', companyKey: 'bravo', before: 100, after: 50 },
    ]);
  });

  it('records a shared first place: winners, the key-order flag per ranking, award and entry', () => {
    // acme answers exactly like bravo (wait 1 min, listen yes, solved yes → 100): equal on every rule.
    // Overall acme 100, bravo 100, cargo 75 → places 1, 1, 3; Klassevinner bank and Best på telefon shared.
    const acmeLikeBravo = () => ({ ...bravo(), companyKey: 'acme' });
    const tied = computeEditionResults(
      edition,
      [acmeLikeBravo(), acmeLikeBravo(), bravo(), bravo(), cargo(), cargo()],
      COMPANIES,
    );
    const snapshot = createAwardSnapshot(tied, edition, { revision: 1, rulesVersion: 'r1' });
    expect(snapshot.overall.map((e) => [e.companyKey, e.position, e.decidedByKeyOrder, e.nAnswered])).toEqual(
      [
        ['acme', 1, true, 2],
        ['bravo', 1, true, 2],
        ['cargo', 3, false, 2],
      ],
    );
    expect(snapshot).toMatchObject({
      overallWinners: ['acme', 'bravo'],
      overallWinnerDecidedByKeyOrder: true,
    });
    expect(snapshot.industries.map((i) => [i.industryKey, i.winners, i.winnerDecidedByKeyOrder])).toEqual([
      ['bank', ['acme', 'bravo'], true],
      ['transport', [], false],
    ]);
    expect(snapshot.bestOnChannel.map((b) => [b.channel, b.winners, b.winnerDecidedByKeyOrder])).toEqual([
      ['phone', ['acme', 'bravo'], true],
      ['email', [], false],
    ]);
    expect(
      snapshot.outcomes.map((o) => [
        o.categoryKey,
        o.industryKey ?? o.channel,
        o.winners,
        o.decidedByKeyOrder,
      ]),
    ).toEqual([
      ['class_winner', 'bank', ['acme', 'bravo'], true],
      ['class_winner', 'transport', [], false],
      ['overall', null, ['acme', 'bravo'], true],
      ['best_on_channel', 'phone', ['acme', 'bravo'], true],
      ['best_on_channel', 'email', [], false],
    ]);
    // The single winner kept for existing readers is the first by key.
    expect(snapshot.winners.overall).toBe('acme');

    // A correction that breaks the tie (bravo's second contact was not answered: (100 + 0) / 2 = 50).
    const corrected = computeEditionResults(
      edition,
      [
        acmeLikeBravo(),
        acmeLikeBravo(),
        bravo(),
        evaluation({ companyKey: 'bravo', answered: false, waitingTime: null }),
        cargo(),
        cargo(),
      ],
      COMPANIES,
    );
    const next = createAwardSnapshot(corrected, edition, { revision: 2, reason: 'e4', rulesVersion: 'r1' });
    const changes = diffAwardSnapshots(snapshot, next).changes;
    // The first-by-key winner stays acme everywhere, but the shared first places are gone: listed.
    expect(changes.filter((c) => c.kind === 'winnerChanged')).toEqual([]);
    expect(changes.filter((c) => c.kind === 'sharedWinnersChanged')).toEqual([
      { kind: 'sharedWinnersChanged', award: 'overall', before: ['acme', 'bravo'], after: ['acme'] },
      { kind: 'sharedWinnersChanged', award: 'industry:bank', before: ['acme', 'bravo'], after: ['acme'] },
      { kind: 'sharedWinnersChanged', award: 'channel:phone', before: ['acme', 'bravo'], after: ['acme'] },
    ]);
  });

  it('reads version 1 snapshots, which did not record ties: nothing to compare about shared winners', () => {
    const v2 = createAwardSnapshot(first, edition, { revision: 1, rulesVersion: 'r1' });
    const {
      overallWinners: _w,
      overallWinnerDecidedByKeyOrder: _f,
      ...rest
    } = JSON.parse(JSON.stringify(v2)) as AwardSnapshot;
    const v1: AwardSnapshot = {
      ...rest,
      snapshotVersion: 1,
      overall: rest.overall.map(({ nAnswered: _n, decidedByKeyOrder: _d, ...e }) => e),
      industries: rest.industries.map(({ winners: _x, winnerDecidedByKeyOrder: _y, ...i }) => i),
      bestOnChannel: rest.bestOnChannel.map(({ winners: _x, winnerDecidedByKeyOrder: _y, ...b }) => b),
    };
    expect(isReadableAwardSnapshotVersion(v1.snapshotVersion)).toBe(true);
    expect(isReadableAwardSnapshotVersion(3)).toBe(false);
    expect(diffAwardSnapshots(v1, { ...v2, revision: 2 }).changes).toEqual([]);
  });

  it('refuses a revision without a reason and bad input, listing every problem', () => {
    const error = catchValidationError(() =>
      createAwardSnapshot(first, { ...edition, key: 'X' }, { revision: 2, rulesVersion: ' ' }),
    );
    expect(error.issues.map((i) => i.path)).toEqual(['reason', 'rulesVersion', 'editionKey']);
  });
});
