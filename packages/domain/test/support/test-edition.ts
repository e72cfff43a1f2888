import { type Edition, type EditionInput, editionSchema } from '../../src/model/edition';
import { type Evaluation, type EvaluationInput, evaluationSchema } from '../../src/model/evaluation';

/**
 * A compact edition with every feature the scoring knows (all numbers used in the tests):
 *
 * channels  phone: minutes, maxWait 5, bands ≤1 → 2 pts, ≤3 → 1, ≤5 → 0, weight 0.5
 *           email: working days, maxWait 3, bands ≤1 → 2, ≤3 → 0, weight 0.5
 * areas (weighted)
 *   wait   scored, weight 1: wait_time/wait (waitingTime, phone+email, max 2)
 *                            callback/callback (yesNo, phone, unscored: yes, no)
 *   agent  scored, weight 3: listening/listen (phone, required: no 0, partly 1, yes 2)
 *                            solution/solved (phone+email, required, N/A allowed: no 0, yes 3)
 *                            solution/extra (bonus yesNo, phone+email: no 0, yes 1)
 *                            spelling/spelling (email, required: bad 0, good 2)
 *                            solution/note (comment)
 *   gdpr   unscored:        privacy/privacy (phone+email: yes, partly, no — no points, best first)
 *   cx     separateIndex:   csat/csat (CSAT 1–5), nps/nps (NPS 0–10), ces/ces (CES 1–7)
 * scoring: weighted areas, equal contacts, headline agent.
 * awards: minContacts 2, minTotal 0, minCompaniesPerIndustry 2, minContactsPerChannel 1.
 */
export function testEditionInput(): EditionInput {
  const text = (s: string) => ({ nb: s, en: s });
  const opt = (key: string, order: number, points: number | null, value: number | null = null) => ({
    key,
    label: text(key),
    order,
    points,
    value,
  });
  const scale = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => opt(`v${from + i}`, i, null, from + i));
  const q = (key: string, order: number, extra: Record<string, unknown>) => ({
    key,
    text: text(key),
    order,
    type: 'choice',
    channels: ['phone', 'email'],
    scored: true,
    allowNotApplicable: false,
    required: false,
    options: [],
    ...extra,
  });
  const perf = (key: string, order: number, questions: unknown[]) => ({
    key,
    name: text(key),
    description: text(key),
    order,
    questions,
  });
  const area = (
    key: string,
    order: number,
    counting: string,
    weight: number | null,
    performances: unknown[],
  ) => ({
    key,
    name: text(key),
    description: text(key),
    order,
    counting,
    weight,
    performances,
  });
  return {
    key: 'T24',
    year: 2024,
    name: 'Test 2024',
    status: 'published',
    locales: ['nb', 'en'],
    derivedFrom: null,
    channels: [
      {
        key: 'phone',
        name: text('phone'),
        order: 0,
        waitUnit: 'minutes',
        maxWait: 5,
        waitingBands: [
          { upTo: 1, points: 2 },
          { upTo: 3, points: 1 },
          { upTo: 5, points: 0 },
        ],
        attempts: { maxAttempts: 2, retryOnAnotherDay: true },
        weight: 0.5,
      },
      {
        key: 'email',
        name: text('email'),
        order: 1,
        waitUnit: 'workingDays',
        maxWait: 3,
        waitingBands: [
          { upTo: 1, points: 2 },
          { upTo: 3, points: 0 },
        ],
        attempts: { maxAttempts: 1, retryOnAnotherDay: false },
        weight: 0.5,
      },
    ],
    areas: [
      area('wait', 0, 'scored', 1, [
        perf('wait_time', 0, [q('wait', 0, { type: 'waitingTime' })]),
        perf('callback', 1, [
          q('callback', 0, {
            type: 'yesNo',
            channels: ['phone'],
            scored: false,
            options: [opt('yes', 0, null), opt('no', 1, null)],
          }),
        ]),
      ]),
      area('agent', 1, 'scored', 3, [
        perf('listening', 0, [
          q('listen', 0, {
            channels: ['phone'],
            required: true,
            options: [opt('no', 0, 0), opt('partly', 1, 1), opt('yes', 2, 2)],
          }),
        ]),
        perf('solution', 1, [
          q('solved', 0, {
            required: true,
            allowNotApplicable: true,
            options: [opt('no', 0, 0), opt('yes', 1, 3)],
          }),
          q('extra', 1, { type: 'yesNo', bonus: true, options: [opt('no', 0, 0), opt('yes', 1, 1)] }),
          q('note', 2, { type: 'comment', scored: false }),
        ]),
        perf('spelling', 2, [
          q('spelling', 0, {
            channels: ['email'],
            required: true,
            options: [opt('bad', 0, 0), opt('good', 1, 2)],
          }),
        ]),
      ]),
      area('gdpr', 2, 'unscored', null, [
        perf('privacy', 0, [
          q('privacy', 0, {
            scored: false,
            options: [opt('yes', 0, null), opt('partly', 1, null), opt('no', 2, null)],
          }),
        ]),
      ]),
      area('cx', 3, 'separateIndex', null, [
        perf('csat', 0, [
          q('csat', 0, { type: 'scale', scored: false, cxMetric: 'CSAT', options: scale(1, 5) }),
        ]),
        perf('nps', 1, [q('nps', 0, { type: 'nps', scored: false, cxMetric: 'NPS', options: scale(0, 10) })]),
        perf('ces', 2, [
          q('ces', 0, { type: 'scale', scored: false, cxMetric: 'CES', options: scale(1, 7) }),
        ]),
      ]),
    ],
    scoring: { areaWeighting: 'weighted', contactWeighting: 'equal', headlineAreaKey: 'agent' },
    awards: { minContacts: 2, minTotal: 0, minCompaniesPerIndustry: 2, minContactsPerChannel: 1 },
  } as EditionInput;
}

/** The test edition, parsed (defaults applied); `change` edits the raw input first. */
export function testEdition(change?: (input: EditionInput) => void): Edition {
  const input = testEditionInput();
  change?.(input);
  return editionSchema.parse(input);
}

/** [questionKey, optionKey] or [questionKey, 'N/A']. */
/**
 * The test edition under each scoring variant the engine branches on: area weights, area weights by points,
 * and contacts weighted per channel. Property tests run every engine path on each.
 */
export function scoringVariants(): Record<'weighted' | 'points' | 'channel', Edition> {
  return {
    weighted: testEdition(),
    points: testEdition((e) => {
      e.scoring.areaWeighting = 'points';
    }),
    channel: testEdition((e) => {
      e.scoring.contactWeighting = 'channel';
    }),
  };
}

export type AnswerSpec = [string, string];

let counter = 0;

/** An evaluation of the test edition: answered on phone after 2 minutes unless told otherwise. */
export function evaluation(
  overrides: Partial<EvaluationInput> & { answerSpecs?: AnswerSpec[] } = {},
): Evaluation {
  const { answerSpecs = [], ...rest } = overrides;
  counter++;
  return evaluationSchema.parse({
    id: `e${String(counter).padStart(6, '0')}`,
    editionKey: 'T24',
    companyKey: 'acme',
    industryKey: 'bank',
    channel: 'phone',
    rolePlayKey: null,
    observerKey: null,
    contactedAt: '2024-03-01T10:00:00+01:00',
    answered: true,
    waitingTime: 2,
    answers: answerSpecs.map(([questionKey, option]) =>
      option === 'N/A' ? { questionKey, notApplicable: true } : { questionKey, optionKey: option },
    ),
    ...rest,
  });
}

export const COMPANIES = [
  { key: 'acme', name: 'Acme', industryKey: 'bank' },
  { key: 'bravo', name: 'Bravo', industryKey: 'bank' },
  { key: 'cargo', name: 'Cargo', industryKey: 'transport' },
];
