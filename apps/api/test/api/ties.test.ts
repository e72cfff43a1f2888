import { listParticipants, loadEdition, loadEvaluations, rulesVersionOf } from '@ksp/db';
import { testDatabaseKinds } from '@ksp/db/testing';
import { computeEditionResults, createAwardSnapshot } from '@ksp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSameFigures } from '../helpers/same-figures';
import { copyCompanyEvaluations } from '../helpers/test-data';
import { startServerWithDatabase } from '../helpers/test-server';

type Entry = { companyKey: string; position: number | null; decidedByKeyOrder: boolean; tiedWith: string[] };
type Winners = { winner: string | null; winners: string[]; winnerDecidedByKeyOrder: boolean };

/**
 * A real tie through the API: one company's KSP24 contacts are copied onto another company of the same
 * industry, so the two are equal on every ranking rule. The API must report a shared place and a winner
 * decided only by key order, never one silent winner.
 */
describe.each(testDatabaseKinds())('ties and shared places over the API (%s)', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  let first: string;
  let second: string;
  let industryKey: string;
  beforeAll(async () => {
    // 20 contacts per company: the award rules' minimum, so companies are eligible.
    app = await startServerWithDatabase(kind, { contactsPerCompany: 20 });
    const before = await app.gql(
      '{ editionResults(editionKey: "KSP24") { ... on EditionResults { overall { winner entries { companyKey industryKey eligible } } } } }',
      {},
      app.tokens.analyst,
    );
    const overall = before.data?.editionResults.overall;
    const winner = overall.winner as string;
    const winnerEntry = overall.entries.find((e: { companyKey: string }) => e.companyKey === winner);
    industryKey = winnerEntry.industryKey;
    const other = overall.entries.find(
      (e: { companyKey: string; industryKey: string; eligible: boolean }) =>
        e.companyKey !== winner && e.industryKey === industryKey && e.eligible,
    ).companyKey as string;
    await copyCompanyEvaluations(app.db, 'KSP24', winner, other);
    [first, second] = [winner, other].sort() as [string, string];
  });
  afterAll(() => app.close());

  const ENTRY = 'companyKey position decidedByKeyOrder tiedWith';
  const RESULTS = `query($key: String!) { editionResults(editionKey: $key) { __typename ... on EditionResults {
    overall { winner winners winnerDecidedByKeyOrder entries { ${ENTRY} } }
    industries { industryKey winner winners winnerDecidedByKeyOrder ranking { winners winnerDecidedByKeyOrder entries { ${ENTRY} } } }
    bestOnChannel { channel winner winners winnerDecidedByKeyOrder score entries { ${ENTRY} score } }
  } ... on Error { message } } }`;

  it('a shared first place overall and in the industry: same position, flagged, both winners listed', async () => {
    const served = (await app.gql(RESULTS, { key: 'KSP24' }, app.tokens.analyst)).data?.editionResults;
    expect(served.__typename).toBe('EditionResults');
    const [a, b, next] = served.overall.entries as Entry[];
    expect(a).toEqual({ companyKey: first, position: 1, decidedByKeyOrder: true, tiedWith: [second] });
    expect(b).toEqual({ companyKey: second, position: 1, decidedByKeyOrder: true, tiedWith: [first] });
    // Standard competition ranking: after two at place 1 comes place 3.
    expect(next?.position).toBe(3);
    expect(served.overall).toMatchObject({
      winner: first,
      winners: [first, second],
      winnerDecidedByKeyOrder: true,
    });
    const industry = served.industries.find((i: { industryKey: string }) => i.industryKey === industryKey);
    expect(industry).toMatchObject({
      winner: first,
      winners: [first, second],
      winnerDecidedByKeyOrder: true,
      ranking: { winners: [first, second], winnerDecidedByKeyOrder: true },
    });
    expect(industry.ranking.entries.slice(0, 2).map((e: Entry) => [e.companyKey, e.position])).toEqual([
      [first, 1],
      [second, 1],
    ]);
    // Every other company's place is its own.
    for (const entry of served.overall.entries.slice(2) as Entry[])
      expect(entry.decidedByKeyOrder).toBe(false);
  });

  it('best on channel: the two share every channel place; where they win, both are winners and flagged', async () => {
    const served = (await app.gql(RESULTS, { key: 'KSP24' }, app.tokens.analyst)).data?.editionResults;
    let sharedWins = 0;
    for (const best of served.bestOnChannel as (Winners & { channel: string; entries: Entry[] })[]) {
      const mine = best.entries.filter((e) => e.companyKey === first || e.companyKey === second);
      if (mine.length === 0) continue;
      expect(mine.map((e) => e.companyKey)).toEqual([first, second]);
      expect(mine[0]?.position).toBe(mine[1]?.position);
      expect(mine.every((e) => e.decidedByKeyOrder)).toBe(true);
      if (mine[0]?.position === 1) {
        sharedWins++;
        expect(best).toMatchObject({
          winner: first,
          winners: [first, second],
          winnerDecidedByKeyOrder: true,
        });
      } else expect(best.winnerDecidedByKeyOrder).toBe(best.winners.length > 1);
    }
    // The copied company was the overall winner: it is best on at least one of its channels.
    expect(sharedWins).toBeGreaterThan(0);
  });

  it('equals the domain’s results on the same data (flags are the domain’s, not re-derived)', async () => {
    const served = (await app.gql(RESULTS, { key: 'KSP24' }, app.tokens.analyst)).data?.editionResults;
    const expected = computeEditionResults(
      await loadEdition(app.db, 'KSP24'),
      await loadEvaluations(app.db, 'KSP24'),
      await listParticipants(app.db, 'KSP24'),
    );
    const pick = (e: Entry) => [e.companyKey, e.position, e.decidedByKeyOrder, e.tiedWith];
    expect(served.overall.entries.map(pick)).toEqual(expected.overall.entries.map(pick));
    expect(served.bestOnChannel.map((b: Winners) => [b.winners, b.winnerDecidedByKeyOrder])).toEqual(
      expected.bestOnChannel.map((b) => [b.winners, b.winnerDecidedByKeyOrder]),
    );
  });

  it('explainRankingPosition picks a tied company by key and names the rule that is left: company key', async () => {
    const EXPLAIN = `query($position: Int!, $company: String) { explainRankingPosition(editionKey: "KSP24", position: $position, companyKey: $company) {
      __typename ... on RankingPositionExplanation { companyKey position above { companyKey decidedBy } below { companyKey decidedBy } } ... on Error { message } } }`;
    const byDefault = (await app.gql(EXPLAIN, { position: 1 }, app.tokens.analyst)).data
      ?.explainRankingPosition;
    expect(byDefault).toMatchObject({
      companyKey: first,
      position: 1,
      below: { companyKey: second, decidedBy: 'companyKey' },
    });
    const chosen = (await app.gql(EXPLAIN, { position: 1, company: second }, app.tokens.analyst)).data
      ?.explainRankingPosition;
    expect(chosen).toMatchObject({
      companyKey: second,
      position: 1,
      above: { companyKey: first, decidedBy: 'companyKey' },
    });
    // Nobody holds place 2 after a shared place 1.
    const two = (await app.gql(EXPLAIN, { position: 2 }, app.tokens.analyst)).data?.explainRankingPosition;
    expect(two.__typename).toBe('NotFoundError');
  });

  it('publishResults freezes the shared winners and flags (snapshotVersion 2), equal to the domain’s snapshot', async () => {
    const PUBLISH = `mutation { publishResults(editionKey: "KSP24") { __typename ... on AwardSnapshot {
      snapshotVersion overallWinner overallWinners overallWinnerDecidedByKeyOrder
      overall { companyKey position decidedByKeyOrder nAnswered }
      industries { industryKey winner winners winnerDecidedByKeyOrder }
      bestOnChannel { channel winner winners winnerDecidedByKeyOrder }
      outcomes { categoryKey industryKey channel winner winners decidedByKeyOrder }
      payload } ... on Error { message } } }`;
    const served = (await app.gql(PUBLISH, {}, app.tokens.admin)).data?.publishResults;
    expect(served).toMatchObject({
      __typename: 'AwardSnapshot',
      snapshotVersion: 2,
      overallWinner: first,
      overallWinners: [first, second],
      overallWinnerDecidedByKeyOrder: true,
    });
    expect(
      served.overall.slice(0, 2).map((e: Entry) => [e.companyKey, e.position, e.decidedByKeyOrder]),
    ).toEqual([
      [first, 1, true],
      [second, 1, true],
    ]);
    expect(served.overall[0].nAnswered).toBeGreaterThan(0);
    expect(
      served.industries.find((i: { industryKey: string }) => i.industryKey === industryKey),
    ).toMatchObject({
      winners: [first, second],
      winnerDecidedByKeyOrder: true,
    });
    expect(served.outcomes.find((o: { categoryKey: string }) => o.categoryKey === 'overall')).toMatchObject({
      winner: first,
      winners: [first, second],
      decidedByKeyOrder: true,
    });
    const edition = await loadEdition(app.db, 'KSP24');
    const expected = createAwardSnapshot(
      computeEditionResults(
        edition,
        await loadEvaluations(app.db, 'KSP24'),
        await listParticipants(app.db, 'KSP24'),
      ),
      edition,
      { revision: 1, rulesVersion: rulesVersionOf(edition) },
    );
    expectSameFigures(served.payload, expected);
  });

  it('a snapshot stored before ties were recorded (version 1) still reads; its tie fields are null', async () => {
    const edition = await loadEdition(app.db, 'KSP23');
    const results = computeEditionResults(
      edition,
      await loadEvaluations(app.db, 'KSP23'),
      await listParticipants(app.db, 'KSP23'),
    );
    const v2 = JSON.parse(
      JSON.stringify(createAwardSnapshot(results, edition, { revision: 1, rulesVersion: 'old' })),
    );
    const strip = (o: Record<string, unknown>, ...keys: string[]) =>
      Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
    const v1 = {
      ...strip(v2, 'overallWinners', 'overallWinnerDecidedByKeyOrder'),
      snapshotVersion: 1,
      overall: v2.overall.map((e: Record<string, unknown>) => strip(e, 'nAnswered', 'decidedByKeyOrder')),
      industries: v2.industries.map((i: Record<string, unknown>) =>
        strip(i, 'winners', 'winnerDecidedByKeyOrder'),
      ),
      bestOnChannel: v2.bestOnChannel.map((b: Record<string, unknown>) =>
        strip(b, 'winners', 'winnerDecidedByKeyOrder'),
      ),
      outcomes: v2.outcomes.map((o: Record<string, unknown>) => strip(o, 'winners', 'decidedByKeyOrder')),
    };
    const row = await app.db.prisma.edition.findUniqueOrThrow({
      where: { key: 'KSP23' },
      select: { id: true },
    });
    await app.db.prisma.awardSnapshot.create({
      data: { editionId: row.id, revision: 1, rulesVersion: 'old', rulesHash: 'old', payload: v1 },
    });
    const GET = `{ awardSnapshot(editionKey: "KSP23") { __typename ... on AwardSnapshot {
      snapshotVersion overallWinner overallWinners overallWinnerDecidedByKeyOrder
      overall { position decidedByKeyOrder nAnswered } industries { winner winners winnerDecidedByKeyOrder }
      bestOnChannel { winners winnerDecidedByKeyOrder } outcomes { winner winners decidedByKeyOrder } } ... on Error { message } } }`;
    const served = (await app.gql(GET, {}, app.tokens.analyst)).data?.awardSnapshot;
    expect(served).toMatchObject({
      __typename: 'AwardSnapshot',
      snapshotVersion: 1,
      overallWinner: results.overall.winner,
      overallWinners: null,
      overallWinnerDecidedByKeyOrder: null,
    });
    expect(served.overall[0]).toEqual({ position: 1, decidedByKeyOrder: null, nAnswered: null });
    expect(served.industries[0]).toMatchObject({ winners: null, winnerDecidedByKeyOrder: null });
    expect(served.outcomes[0]).toMatchObject({ winners: null, decidedByKeyOrder: null });
  });
});
