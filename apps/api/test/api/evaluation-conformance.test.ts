import { loadEdition } from '@ksp/db';
import { testDatabaseKinds } from '@ksp/db/testing';
import {
  type Edition,
  type Evaluation,
  type EvaluationReferences,
  evaluationReferences,
  evaluationToRow,
  questionsForChannel,
  validateEvaluation,
} from '@ksp/domain';
import { demoCompanies } from '@ksp/domain/fixtures';
import { exportEditionDocument } from '@ksp/exchange';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerOf, toCsv, toXlsx } from '../../../../packages/exchange/test/support/fieldwork-fixture';
import { startServerWithDatabase } from '../helpers/test-server';

/**
 * One table of good and bad evaluations, fed through every path that writes or previews an evaluation: the
 * observer form's check (the domain with the references the form reads through GraphQL), submitEvaluation,
 * updateEvaluation, the CSV and XLSX imports (dry run and real) and the edition-JSON import. Every path must
 * give the same verdict with the same issue codes and evaluation paths, and a bad evaluation must store nothing.
 */

type Issue = { code: string; path: string };
type Path = 'form' | 'submit' | 'update' | 'csv' | 'csvDry' | 'xlsx' | 'xlsxDry' | 'json';

interface Case {
  name: string;
  build: (w: World) => Evaluation;
  expected: Issue[];
  /** Paths that cannot express the case (a file has no column for it; an update cannot change the company). */
  skip?: Path[];
}

/** What the cases are built from: the seeded edition and companies chosen for their participation. */
interface World {
  edition: Edition;
  /** Takes part on phone and e-mail, and is not measured on `unmeasured`. */
  company: { key: string; industryKey: string };
  unmeasured: string;
  /** Exists, but does not take part in KSP24. */
  outsider: string;
  otherIndustry: string;
}

const DAY_1 = '2024-03-04T10:00:00+01:00';
const DAY_2 = '2024-03-05T10:00:00+01:00';
const DAY_2_LATER = '2024-03-05T14:00:00+01:00';
const attempt = (at: string, answered = false, waitingTime: number | null = null) => ({
  at,
  answered,
  waitingTime,
});

/** An answered contact on a channel with every question asked there answered, in survey order. */
function contact(w: World, channel: string, changes: Partial<Evaluation> = {}): Evaluation {
  const answers = questionsForChannel(w.edition, channel)
    .filter(({ question }) => question.type !== 'waitingTime')
    .map(({ question }) => ({
      questionKey: question.key,
      optionKey: question.type === 'comment' ? null : (question.options[0]?.key ?? null),
      text: question.type === 'comment' ? 'Greit nok.' : null,
      notApplicable: false,
    }));
  return {
    id: 'x',
    editionKey: 'KSP24',
    companyKey: w.company.key,
    industryKey: w.company.industryKey,
    channel,
    rolePlayKey: null,
    observerKey: null,
    contactedAt: DAY_2,
    answered: true,
    waitingTime: 2,
    earlierAttempts: [],
    answers,
    comments: {},
    ...changes,
  };
}

const unanswered = (w: World, changes: Partial<Evaluation> = {}) =>
  contact(w, 'phone', { answered: false, waitingTime: null, answers: [], ...changes });

/** The position of a channel's question in the contact's answers, and that question. */
function answerAt(
  w: World,
  channel: string,
  pick: (q: ReturnType<typeof questionsForChannel>[number]) => boolean,
) {
  const asked = questionsForChannel(w.edition, channel).filter(
    ({ question }) => question.type !== 'waitingTime',
  );
  const index = asked.findIndex(pick);
  if (index < 0) throw new Error('no such question on the channel');
  return { index, question: (asked[index] as (typeof asked)[number]).question };
}

const choice = (q: ReturnType<typeof questionsForChannel>[number]) =>
  q.question.type !== 'comment' && q.question.options.length > 0;

const CASES: Case[] = [
  { name: 'answered in time', build: (w) => contact(w, 'phone'), expected: [] },
  {
    name: 'answered on e-mail within 3 working days',
    build: (w) => contact(w, 'email', { waitingTime: 1.5 }),
    expected: [],
  },
  { name: 'not answered, one attempt', build: (w) => unanswered(w), expected: [] },
  {
    name: 'not answered on either of two phone attempts on different days',
    build: (w) => unanswered(w, { earlierAttempts: [attempt(DAY_1)] }),
    expected: [],
  },
  {
    name: 'first attempt answered late, second answered in time',
    build: (w) => contact(w, 'phone', { earlierAttempts: [attempt(DAY_1, true, 9)] }),
    expected: [],
  },
  {
    name: 'answered after the maximum wait, with answers (counts as not answered)',
    build: (w) => contact(w, 'phone', { waitingTime: 7 }),
    expected: [],
  },
  {
    name: 'answered after the maximum wait, without answers',
    build: (w) => contact(w, 'phone', { waitingTime: 7, answers: [] }),
    expected: [],
  },
  {
    name: 'a role play for any channel and industry',
    build: (w) => contact(w, 'phone', { rolePlayKey: 'rp-any' }),
    expected: [],
  },
  {
    name: 'a role play for the company’s industry',
    build: (w) => contact(w, 'phone', { rolePlayKey: 'rp-own' }),
    expected: [],
  },
  {
    name: 'N/A where the question allows it',
    build: (w) => {
      const e = contact(w, 'phone');
      const { index } = answerAt(w, 'phone', (q) => choice(q) && q.question.allowNotApplicable);
      e.answers[index] = {
        ...(e.answers[index] as Evaluation['answers'][number]),
        optionKey: null,
        notApplicable: true,
      };
      return e;
    },
    expected: [],
  },
  {
    name: 'a company that does not exist',
    build: (w) => contact(w, 'phone', { companyKey: 'no-such-company' }),
    expected: [{ code: 'UNKNOWN_COMPANY', path: 'companyKey' }],
    skip: ['update'],
  },
  {
    name: 'a company that does not take part',
    build: (w) => contact(w, 'phone', { companyKey: w.outsider, industryKey: w.company.industryKey }),
    expected: [{ code: 'COMPANY_NOT_PARTICIPATING', path: 'companyKey' }],
    // The form offers the participants only, so it knows no other company to name.
    skip: ['update', 'form'],
  },
  {
    name: 'a channel the company is not measured on (it changed a winner)',
    build: (w) => contact(w, w.unmeasured, { waitingTime: w.unmeasured === 'email' ? 1 : 2 }),
    expected: [{ code: 'CHANNEL_NOT_MEASURED', path: 'channel' }],
  },
  {
    name: 'a channel the edition does not have',
    build: (w) => ({ ...unanswered(w), channel: 'fax' }),
    expected: [{ code: 'UNKNOWN_CHANNEL', path: 'channel' }],
  },
  {
    name: 'a role play not in the edition',
    build: (w) => contact(w, 'phone', { rolePlayKey: 'rp-none' }),
    expected: [{ code: 'UNKNOWN_ROLE_PLAY', path: 'rolePlayKey' }],
  },
  {
    name: 'a role play written for e-mail on a phone contact',
    build: (w) => contact(w, 'phone', { rolePlayKey: 'rp-email' }),
    expected: [{ code: 'ROLE_PLAY_OTHER_CHANNEL', path: 'rolePlayKey' }],
  },
  {
    name: 'a role play written for another industry',
    build: (w) => contact(w, 'phone', { rolePlayKey: 'rp-other' }),
    expected: [{ code: 'ROLE_PLAY_OTHER_INDUSTRY', path: 'rolePlayKey' }],
  },
  {
    name: 'a waiting time on a contact not answered',
    build: (w) => unanswered(w, { waitingTime: 4 }),
    expected: [{ code: 'WAITING_TIME_WITHOUT_ANSWER', path: 'waitingTime' }],
  },
  {
    name: 'answers on a contact not answered',
    build: (w) => ({ ...contact(w, 'phone'), answered: false, waitingTime: null }),
    expected: [{ code: 'ANSWERS_WITHOUT_ANSWER', path: 'answers' }],
  },
  {
    name: 'an answered contact without its waiting time',
    build: (w) => contact(w, 'phone', { waitingTime: null }),
    expected: [{ code: 'WAITING_TIME_MISSING', path: 'waitingTime' }],
  },
  {
    name: 'a negative waiting time',
    build: (w) => contact(w, 'phone', { waitingTime: -1 }),
    expected: [{ code: 'NEGATIVE_WAITING_TIME', path: 'waitingTime' }],
  },
  {
    name: 'two attempts on e-mail, which allows one',
    build: (w) => contact(w, 'email', { waitingTime: 1, earlierAttempts: [attempt(DAY_1)] }),
    expected: [{ code: 'TOO_MANY_ATTEMPTS', path: 'earlierAttempts' }],
  },
  {
    name: 'a second phone attempt on the same day',
    build: (w) => unanswered(w, { contactedAt: DAY_2_LATER, earlierAttempts: [attempt(DAY_2)] }),
    expected: [{ code: 'ATTEMPT_SAME_DAY', path: 'earlierAttempts[0].at' }],
  },
  {
    name: 'an earlier attempt after the last one',
    build: (w) => unanswered(w, { contactedAt: DAY_1, earlierAttempts: [attempt(DAY_2)] }),
    expected: [{ code: 'ATTEMPTS_OUT_OF_ORDER', path: 'earlierAttempts[0].at' }],
  },
  {
    name: 'an earlier attempt answered in time',
    build: (w) => contact(w, 'phone', { earlierAttempts: [attempt(DAY_1, true, 3)] }),
    expected: [{ code: 'ATTEMPT_ALREADY_ANSWERED', path: 'earlierAttempts[0].answered' }],
  },
  {
    name: 'an earlier attempt not answered, with a waiting time',
    build: (w) => unanswered(w, { earlierAttempts: [attempt(DAY_1, false, 3)] }),
    expected: [{ code: 'WAITING_TIME_WITHOUT_ANSWER', path: 'earlierAttempts[0].waitingTime' }],
  },
  {
    name: 'an option the question does not have',
    build: (w) => {
      const e = contact(w, 'phone');
      const { index } = answerAt(w, 'phone', choice);
      e.answers[index] = { ...(e.answers[index] as Evaluation['answers'][number]), optionKey: 'maybe-not' };
      return e;
    },
    expected: [{ code: 'UNKNOWN_OPTION', path: 'answers[0].optionKey' }],
  },
  {
    name: 'N/A where the question does not allow it',
    build: (w) => {
      const e = contact(w, 'phone');
      const { index } = answerAt(w, 'phone', (q) => choice(q) && !q.question.allowNotApplicable);
      e.answers[index] = {
        ...(e.answers[index] as Evaluation['answers'][number]),
        optionKey: null,
        notApplicable: true,
      };
      return e;
    },
    expected: [{ code: 'NOT_APPLICABLE_NOT_ALLOWED', path: 'answers[0].notApplicable' }],
  },
  {
    name: 'a required question left out',
    build: (w) => {
      const e = contact(w, 'phone');
      const { index } = answerAt(w, 'phone', (q) => choice(q) && q.question.required);
      e.answers.splice(index, 1);
      return e;
    },
    expected: [{ code: 'REQUIRED_QUESTION_MISSING', path: 'answers' }],
  },
  {
    name: 'an answer to a question only asked on e-mail',
    build: (w) => {
      const phone = contact(w, 'phone');
      const email = contact(w, 'email');
      const extra = email.answers.find((a) => !phone.answers.some((p) => p.questionKey === a.questionKey));
      if (!extra) throw new Error('no e-mail-only question');
      // In survey order, as a file's columns put it.
      const order = questionsForChannel(w.edition, 'email').map(({ question }) => question.key);
      const all = [...phone.answers, extra];
      const survey = (key: string) => {
        const i = order.indexOf(key);
        return i >= 0
          ? i
          : questionsForChannel(w.edition, 'phone').findIndex((q) => q.question.key === key) - 0.5;
      };
      return { ...phone, answers: all.sort((a, b) => survey(a.questionKey) - survey(b.questionKey)) };
    },
    expected: [{ code: 'NOT_ASKED_ON_CHANNEL', path: 'answers[?].questionKey' }],
  },
  {
    name: 'an answer to a question the edition does not have (no file column can hold it)',
    build: (w) => {
      const e = contact(w, 'phone');
      e.answers.push({ questionKey: 'no_such_question', optionKey: 'yes', text: null, notApplicable: false });
      return e;
    },
    expected: [{ code: 'UNKNOWN_QUESTION', path: 'answers[?].questionKey' }],
    skip: ['csv', 'csvDry', 'xlsx', 'xlsxDry'],
  },
  {
    name: 'one question answered twice (no file can hold it)',
    build: (w) => {
      const e = contact(w, 'phone');
      e.answers.push({ ...(e.answers[0] as Evaluation['answers'][number]) });
      return e;
    },
    expected: [{ code: 'DUPLICATE_ANSWER', path: 'answers[?].questionKey' }],
    skip: ['csv', 'csvDry', 'xlsx', 'xlsxDry'],
  },
  {
    name: 'every problem at once: unknown role play, no waiting time, an unknown option',
    build: (w) => {
      const e = contact(w, 'phone', { rolePlayKey: 'rp-none', waitingTime: null });
      const { index } = answerAt(w, 'phone', choice);
      e.answers[index] = { ...(e.answers[index] as Evaluation['answers'][number]), optionKey: 'maybe-not' };
      return e;
    },
    expected: [
      { code: 'UNKNOWN_ROLE_PLAY', path: 'rolePlayKey' },
      { code: 'WAITING_TIME_MISSING', path: 'waitingTime' },
      { code: 'UNKNOWN_OPTION', path: 'answers[0].optionKey' },
    ],
  },
];

/** Answer indices differ between cases; the expected paths only pin the field ("answers[?]"). */
const normalize = (issues: readonly Issue[]) =>
  issues
    .map(({ code, path }) => ({ code, path: path.replace(/^answers\[\d+\]/, 'answers[?]') }))
    .sort((a, b) => `${a.code}${a.path}`.localeCompare(`${b.code}${b.path}`));

/** The expected paths with answer indices pinned only where the case said so (answers[0] = "some answer"). */
const expectedOf = (c: Case) => normalize(c.expected);

/** Mutations name the evaluation's `channel` and `id` after their input fields. */
const fromInputPath = (path: string) => path.replace(/^channelKey/, 'channel').replace(/^contactId/, 'id');

const SUBMIT = `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) {
  __typename
  ... on Evaluation { id version }
  ... on ValidationError { fieldErrors { path code } }
  ... on Error { message }
} }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateEvaluationInput!) { updateEvaluation(id: $id, version: $version, input: $input) {
  __typename
  ... on Evaluation { id version }
  ... on ValidationError { fieldErrors { path code } }
  ... on Error { message }
} }`;
const IMPORT = `mutation($format: ImportFormat!, $content: String!, $dryRun: Boolean) {
  importEvaluations(editionKey: "KSP24", format: $format, content: $content, dryRun: $dryRun, maxProblems: 10000) {
    __typename
    ... on EvaluationImportReport { inserted written problemCount problems { row column code path message } }
    ... on Error { message }
  }
}`;
const IMPORT_JSON = `mutation($document: JSON!, $newKey: String) { importEditionJson(document: $document, newKey: $newKey) {
  __typename
  ... on EditionImportResult { editionKey evaluations }
  ... on ValidationError { fieldErrors { path code } }
  ... on Error { message }
} }`;
const FORM_DATA = `query { edition(key: "KSP24") {
  participants { channels company { key } industry { key } }
  rolePlays { key channelKey industry { key } }
} }`;
const CREATE_ROLE_PLAY = `mutation($input: CreateRolePlayInput!) { createRolePlay(editionKey: "KSP24", input: $input) { __typename } }`;

function contentOf(e: Evaluation) {
  return {
    channelKey: e.channel,
    rolePlayKey: e.rolePlayKey,
    contactedAt: e.contactedAt,
    answered: e.answered,
    waitingTime: e.waitingTime,
    earlierAttempts: e.earlierAttempts,
    answers: e.answers,
    comments: Object.entries(e.comments).map(([areaKey, text]) => ({ areaKey, text })),
  };
}

describe.each(testDatabaseKinds())('one evaluation check on every path (%s)', (kind) => {
  let app: Awaited<ReturnType<typeof startServerWithDatabase>>;
  let world: World;
  let formReferences: EvaluationReferences;
  let base: { id: string; version: number };
  const verdicts = new Map<string, Partial<Record<Path, Issue[]>>>();
  const record = (c: Case, path: Path, issues: Issue[]) => {
    verdicts.set(c.name, { ...verdicts.get(c.name), [path]: normalize(issues) });
  };
  const stored = (contactPrefix: string, editionKey = 'KSP24') =>
    app.db.prisma.evaluation.count({
      where: { contactId: { startsWith: contactPrefix }, edition: { key: editionKey } },
    });
  const built = (c: Case, i: number, prefix: string) => ({
    ...c.build(world),
    id: `${prefix}${String(i).padStart(2, '0')}`,
  });
  const runs = (c: Case, path: Path) => !c.skip?.includes(path);

  beforeAll(async () => {
    app = await startServerWithDatabase(kind);
    const edition = await loadEdition(app.db, 'KSP24');
    const participations = await app.db.prisma.companyParticipation.findMany({
      where: { edition: { key: 'KSP24' } },
      select: { channels: true, company: { select: { key: true } }, industry: { select: { key: true } } },
    });
    const chosen = participations.find(
      (p) => p.channels.includes('phone') && p.channels.includes('email') && p.channels.length < 4,
    );
    if (!chosen) throw new Error('the test data has no company measured on phone and e-mail');
    const others = await app.db.prisma.company.findMany({
      where: { participations: { none: { edition: { key: 'KSP24' } } } },
      select: { key: true },
    });
    const industries = await app.db.prisma.industry.findMany({ select: { key: true } });
    world = {
      edition,
      company: { key: chosen.company.key, industryKey: chosen.industry.key },
      unmeasured: edition.channels.map((c) => c.key).find((c) => !chosen.channels.includes(c)) as string,
      outsider:
        others[0]?.key ??
        demoCompanies.find((c) => !participations.some((p) => p.company.key === c.key))?.key ??
        'none',
      otherIndustry: industries.map((i) => i.key).find((k) => k !== chosen.industry.key) as string,
    };
    if (!others[0]) {
      const industryId = (await app.db.prisma.industry.findFirstOrThrow({ select: { id: true } })).id;
      await app.db.prisma.company.create({ data: { key: 'outsider-co', name: 'Outsider', industryId } });
      world.outsider = 'outsider-co';
    }
    // Role plays: any, the company's industry, another industry, e-mail only (created through the API).
    for (const [key, extra] of [
      ['rp-any', {}],
      ['rp-own', { industryKey: world.company.industryKey }],
      ['rp-other', { industryKey: world.otherIndustry }],
      ['rp-email', { channelKey: 'email' }],
    ] as const) {
      const result = await app.gql(
        CREATE_ROLE_PLAY,
        {
          input: {
            key,
            title: [{ locale: 'nb', text: key }],
            instructions: [{ locale: 'nb', text: 'Spør.' }],
            ...extra,
          },
        },
        app.tokens.admin,
      );
      expect(result.data?.createRolePlay.__typename).toBe('RolePlay');
    }
    // The observer form's references: what it reads through GraphQL.
    const form = (await app.gql(FORM_DATA, {}, app.tokens.observer)).data?.edition;
    formReferences = evaluationReferences({
      participants: form.participants.map(
        (p: { channels: string[]; company: { key: string }; industry: { key: string } }) => ({
          companyKey: p.company.key,
          industryKey: p.industry.key,
          channels: p.channels,
        }),
      ),
      rolePlays: form.rolePlays.map(
        (r: { key: string; channelKey: string | null; industry: { key: string } | null }) => ({
          key: r.key,
          channelKey: r.channelKey,
          industryKey: r.industry?.key ?? null,
        }),
      ),
    });
    // The evaluation every update case is based on.
    const submitted = await app.gql(
      SUBMIT,
      {
        input: {
          editionKey: 'KSP24',
          contactId: 'conf-base',
          companyKey: world.company.key,
          ...contentOf(contact(world, 'phone')),
        },
      },
      app.tokens.admin,
    );
    expect(submitted.data?.submitEvaluation.__typename).toBe('Evaluation');
    base = submitted.data?.submitEvaluation;
  });
  afterAll(() => app?.close());

  it('has a table of at least 25 cases, good and bad', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    expect(CASES.filter((c) => c.expected.length === 0).length).toBeGreaterThanOrEqual(8);
  });

  it('the observer form’s check', () => {
    CASES.forEach((c, i) => {
      const evaluation = built(c, i, 'conf-form-');
      record(c, 'form', validateEvaluation(world.edition, formReferences, evaluation) as Issue[]);
    });
  });

  it('submitEvaluation: a bad evaluation stores nothing', async () => {
    for (const [i, c] of CASES.entries()) {
      const e = built(c, i, 'conf-submit-');
      const result = await app.gql(
        SUBMIT,
        { input: { editionKey: 'KSP24', contactId: e.id, companyKey: e.companyKey, ...contentOf(e) } },
        app.tokens.admin,
      );
      const answer = result.data?.submitEvaluation;
      expect(answer?.__typename, `${c.name}: ${JSON.stringify(result)}`).toMatch(
        /^(Evaluation|ValidationError)$/,
      );
      const issues = (answer?.fieldErrors ?? []).map((f: Issue) => ({
        code: f.code,
        path: fromInputPath(f.path),
      }));
      record(c, 'submit', issues);
      expect(await stored(e.id), c.name).toBe(issues.length === 0 ? 1 : 0);
    }
  });

  it('updateEvaluation: a bad change leaves the evaluation as it was', async () => {
    let version = base.version;
    for (const c of CASES.filter((k) => runs(k, 'update'))) {
      const before = await app.db.prisma.evaluation.findFirstOrThrow({ where: { contactId: 'conf-base' } });
      const e = c.build(world);
      const result = await app.gql(UPDATE, { id: base.id, version, input: contentOf(e) }, app.tokens.admin);
      const answer = result.data?.updateEvaluation;
      expect(answer?.__typename, `${c.name}: ${JSON.stringify(result)}`).toMatch(
        /^(Evaluation|ValidationError)$/,
      );
      const issues = (answer?.fieldErrors ?? []).map((f: Issue) => ({
        code: f.code,
        path: fromInputPath(f.path),
      }));
      record(c, 'update', issues);
      const after = await app.db.prisma.evaluation.findFirstOrThrow({ where: { contactId: 'conf-base' } });
      if (issues.length > 0) expect(after, c.name).toEqual(before);
      else {
        expect(after.version, c.name).toBe(before.version + 1);
        version = after.version;
      }
    }
  });

  for (const format of ['CSV', 'XLSX'] as const) {
    it(`the ${format} import, dry run and real: problems per row; a file with any bad row stores nothing`, async () => {
      const prefix = `conf-${format.toLowerCase()}-`;
      const cases = CASES.filter((c) => runs(c, format === 'CSV' ? 'csv' : 'xlsx'));
      const rows = cases.map((c) => evaluationToRow(built(c, CASES.indexOf(c), prefix)));
      const content = async (selected: typeof rows) =>
        format === 'CSV'
          ? toCsv(selected, ',', headerOf(world.edition))
          : (await toXlsx(selected, headerOf(world.edition))).toString('base64');
      for (const dryRun of [true, false]) {
        const result = await app.gql(
          IMPORT,
          { format, content: await content(rows), dryRun },
          app.tokens.admin,
        );
        const report = result.data?.importEvaluations;
        expect(report?.written, JSON.stringify(result)).toBe(false);
        cases.forEach((c, i) => {
          const problems = report.problems.filter((p: { row: number }) => p.row === i + 2);
          // Every problem is one of the evaluation check's: no cell the reader could not read.
          for (const p of problems) expect(p.code, `${c.name}: ${p.message}`).not.toBeNull();
          record(c, format === 'CSV' ? (dryRun ? 'csvDry' : 'csv') : dryRun ? 'xlsxDry' : 'xlsx', problems);
        });
        expect(await stored(prefix)).toBe(0);
      }
      // Only the good rows: all stored, read back.
      const good = cases.filter((c) => c.expected.length === 0);
      const goodRows = good.map((c) => evaluationToRow(built(c, CASES.indexOf(c), prefix)));
      const result = await app.gql(IMPORT, { format, content: await content(goodRows) }, app.tokens.admin);
      expect(result.data?.importEvaluations, JSON.stringify(result)).toMatchObject({
        written: true,
        inserted: good.length,
      });
      expect(await stored(prefix)).toBe(good.length);
    });
  }

  it('the edition-JSON import: a document with any bad evaluation stores nothing', async () => {
    const document = await exportEditionDocument(app.db, 'KSP24', { withEvaluations: false });
    const evaluations = CASES.map((c, i) => built(c, i, 'conf-json-'));
    const result = await app.gql(
      IMPORT_JSON,
      { document: { ...document, evaluations }, newKey: 'CONF1' },
      app.tokens.admin,
    );
    const fieldErrors: Issue[] = result.data?.importEditionJson.fieldErrors ?? [];
    expect(result.data?.importEditionJson.__typename, JSON.stringify(result)).toBe('ValidationError');
    CASES.forEach((c, i) => {
      const prefix = `evaluations[${i}].`;
      record(
        c,
        'json',
        fieldErrors
          .filter((f) => f.path.startsWith(prefix))
          .map((f) => ({ code: f.code, path: f.path.slice(prefix.length) })),
      );
    });
    expect(await app.db.prisma.edition.count({ where: { key: 'CONF1' } })).toBe(0);
    const good = evaluations.filter((_, i) => (CASES[i] as Case).expected.length === 0);
    const imported = await app.gql(
      IMPORT_JSON,
      { document: { ...document, evaluations: good }, newKey: 'CONF2' },
      app.tokens.admin,
    );
    expect(imported.data?.importEditionJson, JSON.stringify(imported)).toMatchObject({
      evaluations: good.length,
    });
    expect(await stored('conf-json-', 'CONF2')).toBe(good.length);
  });

  it('every path gives every case the same verdict: the same codes at the same paths', () => {
    const all: Path[] = ['form', 'submit', 'update', 'csvDry', 'csv', 'xlsxDry', 'xlsx', 'json'];
    for (const c of CASES) {
      const got = verdicts.get(c.name) ?? {};
      for (const path of all.filter((p) => runs(c, p === 'csvDry' ? 'csv' : p === 'xlsxDry' ? 'xlsx' : p))) {
        expect(got[path], `${c.name} via ${path}`).toEqual(expectedOf(c));
      }
    }
  });
});
