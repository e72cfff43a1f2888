import { listParticipants, loadEdition, loadEvaluations } from '@ksp/db';
import { testDatabaseKinds } from '@ksp/db/testing';
import {
  compareWhatIf,
  compileEdition,
  computeEditionResults,
  type EditionPoint,
  explainCompany,
  explainContact,
  explainRankingPosition,
  rescoreUnderRules,
  yearOverYear,
} from '@ksp/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSameFigures } from '../helpers/same-figures';
import { startServerWithDatabase } from '../helpers/test-server';

type Row = {
  metric: string;
  key: string | null;
  current: number | null;
  baseline: number | null;
  delta: number | null;
  comparable: boolean;
};
type Node = {
  id: string;
  parentId: string | null;
  kind: string;
  key: string;
  score: number | null;
  contribution: number | null;
  points: number | null;
  possible: number | null;
  effects: Effect[];
};
type Effect = { code: string } & Record<string, unknown>;

/** Every parameter field of ExplanationEffect. */
const EFFECT =
  'effects { code count minimum total channel companyKey step difference waitingTime waitUnit maxWait upTo points maxPoints possible earned weight weightSum possibleSum percentage contribution scope counting }';
/** An effect as the API serves it: the domain's effect with every parameter it does not name as null. */
const asServed = (effect: object): Effect => {
  const fields = EFFECT.replace(/^effects \{ | \}$/g, '').split(' ');
  return Object.fromEntries(fields.map((f) => [f, (effect as Record<string, unknown>)[f] ?? null])) as Effect;
};

describe.each(testDatabaseKinds())(
  'lineage, year over year, what-if, explanations and shadow scores (%s)',
  (kind) => {
    let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
    beforeAll(async () => {
      // 20 contacts per company: enough for the award rules' minimum, so rankings have positions and winners.
      app = await startServerWithDatabase(kind, { contactsPerCompany: 20 });
    });
    afterAll(() => app.close());

    /** The domain's own inputs, read from the same database. */
    async function point(key: string): Promise<EditionPoint> {
      const edition = await loadEdition(app.db, key);
      return {
        edition,
        results: computeEditionResults(
          edition,
          await loadEvaluations(app.db, key),
          await listParticipants(app.db, key),
        ),
      };
    }

    const LINEAGE = `query($key: String!) { editionLineage(editionKey: $key) { __typename
    ... on EditionLineage { editionKey predecessorEditionKey
      items { level key areaKey mark predecessorKeys markSetBy version name(locale: en) }
      retired { level key mark } }
    ... on Error { message } } }`;

    it('editionLineage: KSP24’s marks against KSP23 and what it retired', async () => {
      const result = await app.gql(LINEAGE, { key: 'KSP24' }, app.tokens.analyst);
      const lineage = result.data?.editionLineage;
      expect(lineage.__typename).toBe('EditionLineage');
      expect(lineage.predecessorEditionKey).toBe('KSP23');
      const mark = (level: string, key: string) =>
        lineage.items.find((i: { level: string; key: string }) => i.level === level && i.key === key)?.mark;
      // docs/comparability.md: KSP24 renamed «welcome», moved «valued» into «agent» (so agent rescaled),
      // dropped GDPR, reworded overall_efficient.
      expect(mark('area', 'welcome')).toBe('reworded');
      expect(mark('performance', 'valued')).toBe('moved');
      expect(mark('area', 'agent')).toBe('rescaled');
      expect(mark('question', 'overall_efficient')).toBe('reworded');
      expect(lineage.retired).toContainEqual({ level: 'area', key: 'gdpr', mark: 'retired' });
      // Items come in survey order: an area first, then its performances with their questions.
      expect(lineage.items[0].level).toBe('area');
      expect(lineage.items.every((i: { markSetBy: string }) => i.markSetBy === 'derivation')).toBe(true);

      const observer = await app.gql(LINEAGE, { key: 'KSP24' }, app.tokens.observer);
      expect(observer.data?.editionLineage.__typename).toBe('ForbiddenError');
      const missing = await app.gql(LINEAGE, { key: 'NOPE' }, app.tokens.analyst);
      expect(missing.data?.editionLineage.__typename).toBe('NotFoundError');
    });

    it('yearOverYear: the domain’s rows, comparable only by default, like-for-like companies unless allCompanies', async () => {
      const query = `query($company: String, $industry: String, $all: Boolean!, $every: Boolean!) {
      yearOverYear(editionKey: "KSP24", companyKey: $company, industryKey: $industry, includeNonComparable: $all, allCompanies: $every) {
        __typename ... on YearOverYear { fromKey toKey subjectKind subjectKey companies nBaseline nCurrent
          rows { metric key current baseline delta comparable reasons } excluded { metric key reasons } }
        ... on Error { message } } }`;
      const [baseline, current] = await Promise.all([point('KSP23'), point('KSP24')]);
      const expected = yearOverYear(baseline, current, { kind: 'overall' });
      const served = (await app.gql(query, { all: false, every: false }, app.tokens.analyst)).data
        ?.yearOverYear;
      expect(served).toMatchObject({
        fromKey: 'KSP23',
        toKey: 'KSP24',
        subjectKind: 'overall',
        companies: 'both',
      });
      expectSameFigures(
        served.rows.map((r: Row) => [r.metric, r.key, r.current, r.baseline, r.delta, r.comparable]),
        expected.rows.map((r) => [r.metric, r.key, r.current, r.baseline, r.delta, r.comparable]),
      );
      // Hand-checked: «valued» moved into Kundebehandleren, so the agent area and with it Totalresultat are not
      // comparable; their deltas are withheld and listed as excluded.
      const total = served.rows.find((r: Row) => r.metric === 'total');
      expect(total.comparable).toBe(false);
      expect(total.delta).toBeNull();
      expect(served.excluded.map((r: Row) => r.metric)).toContain('total');
      const stable = served.rows.find(
        (r: Row) => r.metric === 'performance' && r.comparable && r.delta !== null,
      );
      expect(stable.delta).toBeCloseTo(stable.current - stable.baseline, 12);
      // Like-for-like: both sides over the companies measured in both editions.
      const both = new Set(baseline.results.companies.filter((c) => c.n > 0).map((c) => c.companyKey));
      const inBoth = current.results.companies.filter((c) => c.n > 0 && both.has(c.companyKey)).length;
      expect([served.nBaseline, served.nCurrent]).toEqual([inBoth, inBoth]);

      const all = (await app.gql(query, { all: true, every: true }, app.tokens.analyst)).data?.yearOverYear;
      expect(all.companies).toBe('all');
      expect(all.nCurrent).toBe(current.results.companies.filter((c) => c.n > 0).length);
      expect(all.excluded).toEqual([]);
      const allTotal = all.rows.find((r: Row) => r.metric === 'total');
      expect(allTotal.comparable).toBe(false);
      expect(allTotal.delta).toBeCloseTo(allTotal.current - allTotal.baseline, 12);

      const companyKey = current.results.companies.find((c) => c.n > 0)?.companyKey as string;
      const company = (
        await app.gql(query, { company: companyKey, all: false, every: false }, app.tokens.analyst)
      ).data?.yearOverYear;
      const expectedCompany = yearOverYear(baseline, current, { kind: 'company', companyKey });
      expect(company).toMatchObject({ subjectKind: 'company', subjectKey: companyKey, companies: 'one' });
      expectSameFigures(
        company.rows.map((r: Row) => r.delta),
        expectedCompany.rows.map((r) => r.delta),
      );

      const both2 = await app.gql(
        query,
        { company: companyKey, industry: 'bank', all: false, every: false },
        app.tokens.analyst,
      );
      expect(both2.data?.yearOverYear.__typename).toBe('ValidationError');
      const none = await app.gql(
        '{ yearOverYear(editionKey: "KSP23") { __typename } }',
        {},
        app.tokens.analyst,
      );
      expect(none.data?.yearOverYear.__typename).toBe('NotFoundError');
    });

    it('comparableTrend over the published editions and editionComparability', async () => {
      const trend = await app.gql(
        `{ comparableTrend { __typename ... on ComparableTrend { subjectKind editionKeys totals { editionKey total n }
         steps { fromKey toKey rows { metric delta } excluded { metric } } } } }`,
        {},
        app.tokens.analyst,
      );
      const served = trend.data?.comparableTrend;
      expect(served.editionKeys).toEqual(['KSP23', 'KSP24']);
      const ksp24 = (await point('KSP24')).results;
      // Totals as published: the mean over every measured company.
      expect(served.totals[1]).toEqual({
        editionKey: 'KSP24',
        total: ksp24.averages.total,
        n: ksp24.averages.nCompanies,
      });
      expect(served.steps).toHaveLength(1);
      expect(served.steps[0].excluded.map((r: Row) => r.metric)).toContain('total');

      const comparability = await app.gql(
        `{ editionComparability(editionKey: "KSP24") { __typename ... on EditionComparability { fromKey toKey
         total { comparable reasons } areas { key predecessorKey mark comparable } retiredAreas } } }`,
        {},
        app.tokens.analyst,
      );
      const c = comparability.data?.editionComparability;
      expect(c.fromKey).toBe('KSP23');
      expect(c.total.comparable).toBe(false);
      expect(c.retiredAreas).toEqual(['gdpr']);
      expect(c.areas.find((a: { key: string }) => a.key === 'welcome')).toEqual({
        key: 'welcome',
        predecessorKey: 'welcome',
        mark: 'reworded',
        comparable: true,
      });
    });

    it('setLineageMark: admins mark an item of a published edition, versioned and audited; others cannot', async () => {
      const mutation = `mutation($key: String!, $mark: LineageMark!, $version: Int!, $level: LineageLevel!) {
      setLineageMark(editionKey: "KSP24", level: $level, key: $key, mark: $mark, version: $version) {
        __typename ... on LineageItem { key mark markSetBy predecessorKeys version }
        ... on ConflictError { currentVersion } ... on ValidationError { fieldErrors { path message } }
        ... on Error { message } } }`;
      const before = (
        await app.gql(LINEAGE, { key: 'KSP24' }, app.tokens.analyst)
      ).data?.editionLineage.items.find(
        (i: { key: string; level: string }) => i.level === 'area' && i.key === 'agent',
      );
      const vars = { level: 'area', key: 'agent', mark: 'identical', version: before.version };

      const analyst = await app.gql(mutation, vars, app.tokens.analyst);
      expect(analyst.data?.setLineageMark.__typename).toBe('ForbiddenError');
      const stale = await app.gql(mutation, { ...vars, version: before.version + 5 }, app.tokens.admin);
      expect(stale.data?.setLineageMark).toMatchObject({
        __typename: 'ConflictError',
        currentVersion: before.version,
      });
      const retired = await app.gql(mutation, { ...vars, mark: 'retired' }, app.tokens.admin);
      expect(retired.data?.setLineageMark.__typename).toBe('ValidationError');
      const unknown = await app.gql(mutation, { ...vars, key: 'nope' }, app.tokens.admin);
      expect(unknown.data?.setLineageMark.__typename).toBe('NotFoundError');

      const done = await app.gql(mutation, vars, app.tokens.admin);
      expect(done.data?.setLineageMark).toEqual({
        __typename: 'LineageItem',
        key: 'agent',
        mark: 'identical',
        markSetBy: 'admin',
        predecessorKeys: ['agent'],
        version: before.version + 1,
      });
      const entry = await app.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'lineage.setMark' } });
      expect(entry).toMatchObject({ entityType: 'Area', entityId: 'KSP24/agent' });
      expect(entry.before).toMatchObject({ mark: 'rescaled', markSetBy: 'derivation' });
      expect(entry.after).toMatchObject({ mark: 'identical', markSetBy: 'admin' });

      // The admin's mark counts in comparisons: the agent area now compares like-for-like.
      const comparability = await app.gql(
        '{ editionComparability(editionKey: "KSP24") { ... on EditionComparability { areas { key comparable } } } }',
        {},
        app.tokens.analyst,
      );
      expect(
        comparability.data?.editionComparability.areas.find((a: { key: string }) => a.key === 'agent')
          .comparable,
      ).toBe(true);
      // Only lineage may change in a published edition: the database still refuses anything else.
      await expect(
        app.db.prisma.area.updateMany({
          where: { key: 'agent', edition: { key: 'KSP24' } },
          data: { weight: 1 },
        }),
      ).rejects.toThrow(/read-only/);
    });

    it('whatIf: KSP23 as scored beside KSP23 under KSP24’s rules, equal to the domain; nothing stored', async () => {
      const query = `query($rules: String!) { whatIf(editionKey: "KSP23", rulesFromEditionKey: $rules) { __typename
      ... on WhatIf { editionKey rulesEditionKey companies { companyKey asScored whatIf delta positionAsScored positionWhatIf positionChange }
        overallWinner { asScored whatIf changed } industryWinners { industryKey asScored whatIf }
        report { questionsDropped questionsNotAsked evaluationsDropped optionsDropped { questionKey count } } }
      ... on Error { message } } }`;
      const evaluationsBefore = await app.db.prisma.evaluation.count();
      const served = (await app.gql(query, { rules: 'KSP24' }, app.tokens.analyst)).data?.whatIf;
      const source = await loadEdition(app.db, 'KSP23');
      const evaluations = await loadEvaluations(app.db, 'KSP23');
      const companies = await listParticipants(app.db, 'KSP23');
      const asScored = computeEditionResults(source, evaluations, companies);
      const rescored = rescoreUnderRules(evaluations, source, await loadEdition(app.db, 'KSP24'), companies);
      const expected = compareWhatIf(asScored, rescored.results);
      expect(served.companies).toEqual(
        expected.companies.map(({ name: _n, industryKey: _i, ...row }) => row),
      );
      expect(served.overallWinner).toEqual({
        ...expected.overallWinner,
        changed: expected.overallWinner.asScored !== expected.overallWinner.whatIf,
      });
      // GDPR is gone in KSP24: its answers cannot be carried over.
      expect(served.report.questionsDropped.length).toBeGreaterThan(0);
      expect(served.report.questionsDropped).toEqual(rescored.report.questionsDropped);
      // «valued» weighs 50 in Kundebehandleren instead of 25 in Totalinntrykk: some total moves.
      expect(
        served.companies.some((c: { delta: number | null }) => c.delta !== null && Math.abs(c.delta) > 1e-9),
      ).toBe(true);

      // Under its own rules nothing changes: every delta 0, every position the same.
      const same = (await app.gql(query, { rules: 'KSP23' }, app.tokens.analyst)).data?.whatIf;
      for (const c of same.companies) {
        if (c.asScored !== null) expect(c.delta).toBe(0);
        if (c.positionAsScored !== null) expect(c.positionChange).toBe(0);
      }
      expect(await app.db.prisma.evaluation.count()).toBe(evaluationsBefore);
      const observer = await app.gql(query, { rules: 'KSP24' }, app.tokens.observer);
      expect(observer.data?.whatIf.__typename).toBe('ForbiddenError');
    });

    const NODE = `id parentId kind key score contribution points possible ${EFFECT}`;

    it('explainCompany: the domain’s figures; channel contributions add up to Totalresultat', async () => {
      const ksp24 = await point('KSP24');
      const company =
        ksp24.results.companies.find((c) => c.nAnswered > 1 && c.channels.length > 1) ??
        ksp24.results.companies[0];
      const result = await app.gql(
        `query($company: String!) { explainCompany(editionKey: "KSP24", companyKey: $company) { __typename
        ... on CompanyExplanation { companyKey total n contactWeighting root { kind key score children { kind key score weight contribution } }
          nodes { ${NODE} label(locale: en) } }
        ... on Error { message } } }`,
        { company: company?.companyKey },
        app.tokens.analyst,
      );
      const served = result.data?.explainCompany;
      expect(result.errors).toBeUndefined();
      expect(served.total).toBe(company?.total);
      const evaluations = (await loadEvaluations(app.db, 'KSP24')).filter(
        (e) => e.companyKey === company?.companyKey,
      );
      const expected = explainCompany(compileEdition(ksp24.edition), evaluations, {
        key: company?.companyKey as string,
        name: company?.name as string,
        industryKey: company?.industryKey as string,
      });
      expect(served.root.children.map((c: Node) => [c.key, c.score])).toEqual(
        expected.channels.map((c) => [c.key, c.total]),
      );
      const sum = served.root.children.reduce((s: number, c: Node) => s + (c.contribution ?? 0), 0);
      expect(sum).toBeCloseTo(company?.total as number, 9);
      // Flat list in pre-order: every parent comes before its children.
      const seen = new Set<string>();
      for (const node of served.nodes as Node[]) {
        if (node.parentId) expect(seen.has(node.parentId)).toBe(true);
        seen.add(node.id);
      }
      const contacts = served.nodes.filter((n: Node) => n.kind === 'contact');
      expect(contacts).toHaveLength(evaluations.length);
      // The effects are the domain's, code and numbers: the company's, each channel's and each contact's.
      expect((served.nodes[0] as Node).effects).toEqual(expected.effects.map(asServed));
      for (const channel of expected.channels)
        expect(served.nodes.find((n: Node) => n.kind === 'channel' && n.key === channel.key).effects).toEqual(
          channel.effects.map(asServed),
        );
      expect(contacts.map((n: Node) => [n.key, n.contribution, n.effects])).toEqual(
        // The tree lists contacts under their channel, in the domain's summing order within it.
        expected.channels.flatMap((channel) =>
          expected.contacts
            .filter((c) => c.channel === channel.key)
            .map((c) => [c.evaluationId, c.contribution, c.effects.map(asServed)]),
        ),
      );
    });

    it('an explanation with every node field, flat and nested as deep as its slice, fits the default limits', async () => {
      const fields = `id parentId depth kind key label(locale: en) points possible score weight contribution counted n status optionKey optionLabel(locale: en) waitingTime shadowPoints shadowPossible shadowScore childCount ${EFFECT}`;
      const nested = `root { ${fields} children { ${fields} children { ${fields} } } }`;
      const result = await app.gql(
        `query($company: String!) { explainCompany(editionKey: "KSP24", companyKey: $company) { __typename
        ... on CompanyExplanation { nodes { ${fields} } ${nested} } ... on Error { message } } }`,
        { company: (await point('KSP24')).results.companies.find((c) => c.n > 0)?.companyKey },
        app.tokens.analyst,
      );
      expect(result.errors).toBeUndefined();
      const explanation = result.data?.explainCompany;
      // 20 contacts: the flat slice is the company, its channels and contacts (their areas would pass 120 rows),
      // the rows of the nested tree. Deeper rows: nodes(under:), see explanation-bounds.test.ts, which also shows
      // that the whole tree nested is refused.
      expect(Math.max(...explanation.nodes.map((n: { depth: number }) => n.depth))).toBe(2);
      const count = (n: { children?: unknown[] }): number =>
        1 + ((n.children ?? []) as { children?: unknown[] }[]).reduce((s, c) => s + count(c), 0);
      expect(count(explanation.root)).toBe(explanation.nodes.length);
    });

    it('explainContact: area contributions add up to the contact total; observers only for their own contacts', async () => {
      const row = await app.db.prisma.evaluation.findFirstOrThrow({
        where: { edition: { key: 'KSP24' }, answered: true },
        orderBy: { contactId: 'asc' },
        include: { observer: { select: { email: true } } },
      });
      const id = encodeGlobalID('Evaluation', row.id);
      const query = `query($id: ID!) { explainContact(evaluationId: $id) { __typename
      ... on ContactExplanation { contactId total totalRule root { kind score children { kind key score weight contribution points possible
        children { key points possible children { key kind status points possible ${EFFECT} } } } } }
      ... on Error { message } } }`;
      const served = (await app.gql(query, { id }, app.tokens.analyst)).data?.explainContact;
      const edition = await loadEdition(app.db, 'KSP24');
      const evaluation = (await loadEvaluations(app.db, 'KSP24')).find((e) => e.id === row.contactId);
      const expected = explainContact(compileEdition(edition), evaluation as NonNullable<typeof evaluation>);
      expect(served).toMatchObject({
        __typename: 'ContactExplanation',
        contactId: row.contactId,
        total: expected.total,
      });
      const areas = served.root.children as (Node & { children: (Node & { children: Node[] })[] })[];
      expect(areas.map((a) => a.key)).toEqual(expected.areas.map((a) => a.key));
      expect(areas.reduce((s, a) => s + (a.contribution ?? 0), 0)).toBeCloseTo(expected.total as number, 9);
      // The contact's effects and every question's are the domain's.
      const questions = expected.areas.flatMap((a) => a.performances.flatMap((p) => p.questions));
      expect(
        areas.flatMap((a) => a.children.flatMap((p) => p.children.map((q) => [q.key, q.effects]))),
      ).toEqual(questions.map((q) => [q.key, q.effects.map(asServed)]));
      // Each performance's points are the sum of its questions' (before any critical zeroing).
      for (const area of areas)
        for (const performance of area.children)
          expect(performance.children.reduce((s, q) => s + (q.points ?? 0), 0)).toBeCloseTo(
            performance.points as number,
            9,
          );

      const ownToken =
        row.observer?.email === 'observer@example.org' ? app.tokens.observer : app.tokens.otherObserver;
      const otherToken = ownToken === app.tokens.observer ? app.tokens.otherObserver : app.tokens.observer;
      expect((await app.gql(query, { id }, ownToken)).data?.explainContact.__typename).toBe(
        'ContactExplanation',
      );
      expect((await app.gql(query, { id }, otherToken)).data?.explainContact.__typename).toBe(
        'ForbiddenError',
      );
      expect((await app.gql(query, { id: 'nope' }, app.tokens.analyst)).data?.explainContact.__typename).toBe(
        'NotFoundError',
      );
    });

    it('explainRankingPosition: the company at a position, its neighbours and its tree', async () => {
      const { results } = await point('KSP24');
      const first = results.overall.entries[0];
      const served = (
        await app.gql(
          `{ explainRankingPosition(editionKey: "KSP24", position: 1) { __typename
          ... on RankingPositionExplanation { companyKey position eligible total above { companyKey } below { companyKey decidedBy difference } winner ${EFFECT}
            company { companyKey total } } ... on Error { message } } }`,
          {},
          app.tokens.analyst,
        )
      ).data?.explainRankingPosition;
      expect(first?.position).toBe(1);
      expect(served).toMatchObject({ companyKey: first?.companyKey, position: 1, above: null });
      expect(served.total).toBeCloseTo(first?.total ?? Number.NaN, 9);
      expect(served.winner).toBe(results.overall.winner);
      expectSameFigures(
        served.effects,
        explainRankingPosition(results, first?.companyKey as string).effects.map(asServed),
      );
      expect(served.effects[0]).toMatchObject({ code: 'TOP_OF_RANKING' });
      expectSameFigures(served.company, { companyKey: first?.companyKey, total: first?.total });
      // The rule that put the winner before the runner-up, as the domain's explainRankingPosition says.
      const second = results.overall.entries[1];
      if (second?.eligible) {
        expect(served.below.companyKey).toBe(second.companyKey);
        if (served.below.decidedBy === 'total')
          expect(served.below.difference).toBeCloseTo((first?.total ?? 0) - (second.total ?? 0), 9);
      }
      const industry = results.industries[0];
      const inIndustry = (
        await app.gql(
          `query($i: String!) { explainRankingPosition(editionKey: "KSP24", position: 99, industryKey: $i) { __typename } }`,
          { i: industry?.industryKey },
          app.tokens.analyst,
        )
      ).data?.explainRankingPosition;
      expect(inIndustry.__typename).toBe('NotFoundError');
    });

    it('shadow scores: GDPR (unscored in 2023) is reported with a shadow score computed as if scored', async () => {
      const result = await app.gql(
        `{ editionResults(editionKey: "KSP23") { ... on EditionResults { companies {
        companyKey areas { key counting countsInTotal score earned possible shadowN shadowScore shadowEarned shadowPossible shadowPooled } } } } }`,
        {},
        app.tokens.analyst,
      );
      const { results } = await point('KSP23');
      const served = result.data?.editionResults.companies.find(
        (c: { areas: { key: string; shadowN: number }[] }) =>
          c.areas.some((a) => a.key === 'gdpr' && a.shadowN > 0),
      );
      const gdpr = served.areas.find((a: { key: string }) => a.key === 'gdpr');
      const expected = results.companies
        .find((c) => c.companyKey === served.companyKey)
        ?.areas.find((a) => a.key === 'gdpr');
      expect(gdpr).toMatchObject({ counting: 'unscored', countsInTotal: false, possible: 0, score: null });
      expect(gdpr.shadowScore).toBeCloseTo(expected?.shadowScore ?? Number.NaN, 9);
      // Pooled shadow = Σ shadow earned / Σ shadow possible, in percent.
      expect(gdpr.shadowPooled).toBeCloseTo((100 * gdpr.shadowEarned) / gdpr.shadowPossible, 12);
    });
  },
);
