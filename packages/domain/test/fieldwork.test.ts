import { describe, expect, it } from 'vitest';
import { demoCompanies, generateDemoEvaluations, ksp24 } from '../src/fixtures/index';
import {
  checkHeader,
  EVALUATION_ISSUE_CODES,
  type Evaluation,
  type EvaluationReferences,
  evaluationReferences,
  evaluationToRow,
  FIELDWORK_PROBLEM_CODES,
  type FieldworkContext,
  fieldworkColumns,
  parseContactedAt,
  parseWaitingTime,
  parseYesNo,
  rowToEvaluation,
} from '../src/index';

const evaluations = generateDemoEvaluations(ksp24, demoCompanies, { seed: 7, contactsPerCompany: 4 });
const participating = demoCompanies.filter((c) => c.editionKeys.includes('KSP24'));
const references: EvaluationReferences = evaluationReferences({
  participants: participating.map((c) => ({ companyKey: c.key, industryKey: c.industryKey, channels: null })),
  otherCompanyKeys: demoCompanies.filter((c) => !c.editionKeys.includes('KSP24')).map((c) => c.key),
  rolePlays: [...new Set(evaluations.map((e) => e.rolePlayKey ?? ''))].map((key) => ({
    key,
    channelKey: null,
    industryKey: null,
  })),
});
const outsider = demoCompanies.find((c) => !c.editionKeys.includes('KSP24'));
const context = (overrides: Partial<FieldworkContext> = {}): FieldworkContext => ({
  edition: ksp24,
  references,
  contactRows: new Map(),
  ...overrides,
});
const answeredOn = (channel: string) =>
  evaluations.find((e) => e.answered && e.channel === channel) as Evaluation;
const rowOf = (e: Evaluation, changes: Record<string, string> = {}) => ({
  ...evaluationToRow(e),
  ...changes,
});
const problemsOf = (row: Record<string, string>, ctx = context()) =>
  rowToEvaluation(row, 7, ctx).problems.map((p) => ({ column: p.column, message: p.message }));

describe('field-work columns', () => {
  const columns = fieldworkColumns(ksp24);
  it('start with the fixed columns, then one per question (not waiting time), then comments per area', () => {
    expect(columns.slice(0, 8).map((c) => c.name)).toEqual([
      'contact_id',
      'company',
      'channel',
      'role_play',
      'observer',
      'contacted_at',
      'answered',
      'waiting_time',
    ]);
    const questionColumns = columns.filter((c) => c.kind === 'question').map((c) => c.name);
    expect(questionColumns).toContain('welcome_easy_contact');
    expect(questionColumns).not.toContain('waiting_time_minutes');
    expect(questionColumns.every((name) => !name.includes(':'))).toBe(true);
    expect(columns.filter((c) => c.kind === 'comment').map((c) => c.name)).toEqual(
      ksp24.areas.map((a) => `comment:${a.key}`),
    );
  });
  it('list the option keys a cell accepts, with N/A where the question allows it', () => {
    expect(columns.find((c) => c.name === 'overall_would_buy')?.allowed).toEqual([
      'yes',
      'maybe',
      'no',
      'N/A',
    ]);
    expect(columns.find((c) => c.name === 'welcome_easy_contact')?.allowed).toEqual(['yes', 'partly', 'no']);
  });
});

describe('cell parsers', () => {
  it('waiting times: numbers in the channel unit, ISO 8601 durations, clock times', () => {
    expect(parseWaitingTime('2.5', 'minutes')).toBe(2.5);
    expect(parseWaitingTime('2,5', 'workingDays')).toBe(2.5);
    expect(parseWaitingTime('PT3M30S', 'minutes')).toBe(3.5);
    expect(parseWaitingTime('PT1H', 'minutes')).toBe(60);
    expect(parseWaitingTime('P1D', 'minutes')).toBe(1440);
    expect(parseWaitingTime('P2D', 'workingDays')).toBe(2);
    expect(parseWaitingTime('P1W', 'workingDays')).toBe(5);
    expect(parseWaitingTime('PT12H', 'workingDays')).toBe(0.5);
    expect(parseWaitingTime('1:30', 'minutes')).toBe(1.5);
    expect(parseWaitingTime('1:00:30', 'minutes')).toBe(60.5);
    // A negative number is read as one: the evaluation check refuses it (NEGATIVE_WAITING_TIME), as the API does.
    expect(parseWaitingTime('-3', 'minutes')).toBe(-3);
    for (const bad of ['', 'P', 'PT', 'P1M', 'P1Y', 'soon', '1:75', '3 min', '1:30'])
      expect(parseWaitingTime(bad, bad === '1:30' ? 'workingDays' : 'minutes'), bad).toBeNull();
  });
  it('contact times need an offset; a space may replace the T', () => {
    expect(parseContactedAt('2024-03-05T10:15:00+01:00')).toBe('2024-03-05T10:15:00+01:00');
    expect(parseContactedAt('2024-03-05 10:15 +0100')).toBe('2024-03-05T10:15:00+01:00');
    expect(parseContactedAt('2024-03-05T09:15:00.000Z')).toBe('2024-03-05T09:15:00.000Z');
    for (const bad of ['2024-03-05T10:15:00', '2024-02-30T10:00:00Z', '05.03.2024 10:15', ''])
      expect(parseContactedAt(bad), bad).toBeNull();
  });
  it('answered: yes/no in English and Norwegian', () => {
    expect(['yes', 'Ja', 'TRUE', '1'].map(parseYesNo)).toEqual([true, true, true, true]);
    expect(['no', 'Nei', 'false', '0'].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo('maybe')).toBeNull();
  });
});

describe('checkHeader', () => {
  const header = fieldworkColumns(ksp24).map((c) => c.name);
  it('accepts the template header in any order, with a BOM and unnamed trailing columns', () => {
    expect(checkHeader(ksp24, [`\uFEFF${header[0]}`, ...header.slice(1).reverse(), ''])).toEqual([]);
  });
  it('reports missing required, unknown and repeated columns on row 1', () => {
    const problems = checkHeader(ksp24, [
      ...header.filter((h) => h !== 'company' && h !== 'cx_nps'),
      'favourite_colour',
      'channel',
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          row: 1,
          column: 'favourite_colour',
          message: expect.stringContaining('unknown column'),
          code: 'UNKNOWN_COLUMN',
          params: { column: 'favourite_colour', editionKey: 'KSP24' },
        },
        {
          row: 1,
          column: 'channel',
          message: 'column "channel" appears more than once',
          code: 'DUPLICATE_COLUMN',
          params: { column: 'channel' },
        },
        {
          row: 1,
          column: 'company',
          message: 'missing required column "company"',
          code: 'MISSING_COLUMN',
          params: { column: 'company' },
        },
        {
          row: 1,
          column: 'cx_nps',
          message: 'missing required column "cx_nps"',
          code: 'MISSING_COLUMN',
          params: { column: 'cx_nps' },
        },
      ]),
    );
    expect(problems).toHaveLength(4);
  });
});

describe('rowToEvaluation', () => {
  it('turns every demo evaluation’s row back into the same evaluation', () => {
    const contactRows = new Map<string, number>();
    evaluations.forEach((evaluation, i) => {
      const result = rowToEvaluation(evaluationToRow(evaluation), i + 2, context({ contactRows }));
      expect(result.problems).toEqual([]);
      expect(result.evaluation).toEqual(evaluation);
      contactRows.set(evaluation.id, i + 2);
    });
    expect(evaluations.some((e) => !e.answered)).toBe(true);
    expect(evaluations.some((e) => e.answers.some((a) => a.notApplicable))).toBe(true);
  });

  it('applies the whole-evaluation rules too, beside the cells', () => {
    // A question not asked on the channel is a rule of the whole evaluation (validateEvaluation), not of a cell.
    const row = rowOf(answeredOn('email'), { waiting_call_back_offered: 'yes' });
    const result = rowToEvaluation(row, 2, context());
    expect(result.evaluation).toBeNull();
    expect(result.problems.map((p) => p.column)).toContain('waiting_call_back_offered');
  });

  it('reads ISO durations and Norwegian yes/no', () => {
    const phone = answeredOn('phone');
    const result = rowToEvaluation(rowOf(phone, { waiting_time: 'PT2M15S', answered: 'ja' }), 2, context());
    expect(result.evaluation?.waitingTime).toBe(2.25);
    expect(result.evaluation?.answered).toBe(true);
  });

  it('unknown company, and a company not taking part', () => {
    const phone = answeredOn('phone');
    expect(problemsOf(rowOf(phone, { company: 'no-such-company' }))).toEqual([
      { column: 'company', message: 'company "no-such-company" does not exist' },
    ]);
    expect(outsider).toBeDefined();
    expect(problemsOf(rowOf(phone, { company: outsider?.key ?? '' }))).toEqual([
      { column: 'company', message: `company "${outsider?.key}" does not take part in KSP24` },
    ]);
  });

  it('an option not in the list names the accepted ones', () => {
    expect(problemsOf(rowOf(answeredOn('phone'), { welcome_easy_contact: 'absolutely' }))).toEqual([
      {
        column: 'welcome_easy_contact',
        message:
          'option "absolutely" does not exist for question "welcome_easy_contact"; allowed: yes, partly, no',
      },
    ]);
  });

  it('a question not asked on the row’s channel', () => {
    // The call-back question is a telephone question; an e-mail row must leave it empty.
    expect(problemsOf(rowOf(answeredOn('email'), { waiting_call_back_offered: 'yes' }))).toEqual([
      {
        column: 'waiting_call_back_offered',
        message: 'question "waiting_call_back_offered" is not asked on channel email',
      },
    ]);
  });

  it('a waiting time that is not a duration, and one on an unanswered contact', () => {
    expect(problemsOf(rowOf(answeredOn('phone'), { waiting_time: 'about 3 min' }))).toEqual([
      {
        column: 'waiting_time',
        message:
          'waiting time "about 3 min" is not a duration: use ISO 8601 (PT3M20S, P2D) or a number of minutes',
      },
    ]);
    const unanswered = evaluations.find((e) => !e.answered) as Evaluation;
    expect(problemsOf(rowOf(unanswered, { waiting_time: '4' }))).toEqual([
      { column: 'waiting_time', message: 'a contact that was not answered has no waiting time' },
    ]);
  });

  it('a contact id used on an earlier row, or empty', () => {
    const phone = answeredOn('phone');
    expect(problemsOf(rowOf(phone), context({ contactRows: new Map([[phone.id, 3]]) }))).toEqual([
      { column: 'contact_id', message: `duplicate contact id "${phone.id}": already used on row 3` },
    ]);
    expect(problemsOf(rowOf(phone, { contact_id: ' ' }))).toEqual([
      { column: 'contact_id', message: 'the contact id is empty' },
    ]);
  });

  it('a required answer missing, N/A where not allowed, answers on an unanswered contact', () => {
    expect(problemsOf(rowOf(answeredOn('phone'), { agent_listening: '' }))).toEqual([
      { column: 'agent_listening', message: 'required question "agent_listening" has no answer' },
    ]);
    expect(problemsOf(rowOf(answeredOn('phone'), { agent_listening: 'n/a' }))).toEqual([
      { column: 'agent_listening', message: 'question "agent_listening" cannot be answered N/A' },
    ]);
    const unanswered = evaluations.find((e) => !e.answered) as Evaluation;
    expect(problemsOf(rowOf(unanswered, { agent_listening: 'great' }))).toEqual([
      { column: 'answered', message: 'a contact that was not answered carries no answers' },
    ]);
  });

  it('an answered contact without a waiting time', () => {
    expect(problemsOf(rowOf(answeredOn('chat'), { waiting_time: '' }))).toEqual([
      { column: 'waiting_time', message: 'an answered chat contact needs its waiting time' },
    ]);
  });

  it('channel, contact time and answered cells that cannot be read; every problem of the row at once', () => {
    const problems = problemsOf(
      rowOf(answeredOn('phone'), { channel: 'Fax', contacted_at: '05.03.2024', answered: 'perhaps' }),
    );
    // Cells that cannot be read first, then the evaluation check's findings.
    expect(problems.map((p) => p.column)).toEqual(['contacted_at', 'answered', 'channel']);
    expect(problems[2]?.message).toBe(
      'channel "Fax" is not a channel of KSP24 (phone, email, chat, messenger)',
    );
  });

  it('unknown role play and observer, a channel not measured for the company, an unknown comment area is no column', () => {
    const phone = answeredOn('phone');
    const problems = problemsOf(
      rowOf(phone, { role_play: 'nope', observer: 'ghost@example.org' }),
      context({
        references: evaluationReferences({
          participants: [
            { companyKey: phone.companyKey, industryKey: phone.industryKey, channels: ['email'] },
          ],
          rolePlays: [{ key: 'other', channelKey: null, industryKey: null }],
          observerEmails: ['observer@example.org'],
        }),
      }),
    );
    expect(problems).toEqual([
      {
        column: 'channel',
        message: `company "${phone.companyKey}" is not measured on channel phone in KSP24`,
      },
      { column: 'role_play', message: 'role play "nope" is not in KSP24' },
      { column: 'observer', message: 'no user has the e-mail "ghost@example.org"' },
    ]);
  });

  it('problems carry the row number given', () => {
    const result = rowToEvaluation(rowOf(answeredOn('phone'), { company: '' }), 42, context());
    expect(result.problems).toEqual([
      {
        row: 42,
        column: 'company',
        message: 'the company is empty',
        code: 'UNKNOWN_COMPANY',
        params: { companyKey: '' },
        path: 'companyKey',
      },
    ]);
  });

  it('gives every problem of bad rows a code of the file or of the evaluation check, with its params', () => {
    const phone = answeredOn('phone');
    const unanswered = evaluations.find((e) => !e.answered) as Evaluation;
    const badRows: Array<Record<string, string>> = [
      rowOf(phone, { contact_id: '', company: 'no-such-company', channel: 'Fax' }),
      rowOf(phone, { contacted_at: '', answered: 'perhaps', waiting_time: 'about 3 min' }),
      rowOf(phone, { contacted_at: '05.03.2024', welcome_easy_contact: 'absolutely', agent_listening: '' }),
      rowOf(phone, { attempt1_contacted_at: 'yesterday', attempt1_answered: 'maybe' }),
      rowOf(unanswered, { waiting_time: '4', agent_listening: 'great' }),
      rowOf(phone, { role_play: 'nope', observer: 'ghost@example.org', agent_listening: 'n/a' }),
    ];
    const problems = badRows.flatMap(
      (row) => rowToEvaluation(row, 7, context({ contactRows: new Map([[phone.id, 3]]) })).problems,
    );
    const header = checkHeader(ksp24, ['contact_id', 'contact_id', 'favourite_colour']);
    const known = new Set<string>([...FIELDWORK_PROBLEM_CODES, ...EVALUATION_ISSUE_CODES]);
    const all = [...header, ...problems];
    expect(all.length).toBeGreaterThan(12);
    expect(all.filter((p) => !known.has(p.code))).toEqual([]);
    const codes = new Set(all.map((p) => p.code));
    for (const code of [
      'CONTACT_ID_EMPTY',
      'DUPLICATE_CONTACT_ID',
      'CONTACT_TIME_EMPTY',
      'INVALID_DATE_TIME',
      'INVALID_YES_NO',
      'INVALID_WAITING_TIME',
      'DUPLICATE_COLUMN',
      'UNKNOWN_COLUMN',
      'MISSING_COLUMN',
      'UNKNOWN_COMPANY',
      'UNKNOWN_OPTION',
    ])
      expect(codes).toContain(code);
    expect(problems.find((p) => p.code === 'INVALID_YES_NO')?.params).toEqual({
      column: 'answered',
      value: 'perhaps',
    });
    expect(problems.find((p) => p.code === 'INVALID_WAITING_TIME')?.params).toEqual({
      column: 'waiting_time',
      value: 'about 3 min',
      unit: 'minutes',
    });
    expect(problems.find((p) => p.code === 'UNKNOWN_OPTION')?.params).toMatchObject({
      questionKey: 'welcome_easy_contact',
      allowed: expect.any(String),
    });
  });
});
