// The benchmark's data: a KSP-sized edition and 100,000 deterministic evaluations of it (bench/score.bench.ts).
import { type Edition, editionSchema } from '../src/model/edition';
import type { Evaluation } from '../src/model/evaluation';
import { checkEdition } from '../src/validation/check-edition';
import { questionsForChannel } from '../src/validation/questions-for-channel';

export const EVALUATIONS = 100_000;
export const ANSWERS = 40;
export const COMPANIES = 1_000;
const CHANNELS = ['phone', 'email', 'chat', 'messenger'];

/** mulberry32: a small deterministic PRNG, so every run scores the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Six areas like KSP's (waiting, reception, agent, impression, GDPR unscored, CX), 43 questions per channel. */
export function kspSizedEdition(): Edition {
  const text = (s: string) => ({ nb: s });
  const options = (n: number, scored: boolean, step = 1) =>
    Array.from({ length: n }, (_, i) => ({
      key: `o${i}`,
      label: text(`o${i}`),
      order: i,
      points: scored ? i * step : null,
      value: i + 1,
    }));
  let qn = 0;
  const question = (type: string, scored: boolean, extra: Record<string, unknown> = {}) => ({
    key: `q${qn++}`,
    text: text('q'),
    order: qn,
    type,
    channels: CHANNELS,
    scored,
    allowNotApplicable: true,
    required: false,
    options: type === 'waitingTime' ? [] : options(3 + (qn % 3), scored, 1 + (qn % 2)),
    ...extra,
  });
  const performances = (prefix: string, count: number, perQuestion: number, scored: boolean) =>
    Array.from({ length: count }, (_, p) => ({
      key: `${prefix}${p}`,
      name: text(prefix),
      description: text(prefix),
      order: p,
      questions: Array.from({ length: perQuestion }, () => question('choice', scored)),
    }));
  const area = (key: string, order: number, counting: string, weight: number | null, perfs: unknown[]) => ({
    key,
    name: text(key),
    description: text(key),
    order,
    counting,
    weight,
    performances: perfs,
  });
  const channel = (key: string, order: number) => ({
    key,
    name: text(key),
    order,
    waitUnit: key === 'email' ? 'workingDays' : 'minutes',
    maxWait: 5,
    waitingBands: [
      { upTo: 1, points: 3 },
      { upTo: 2, points: 2 },
      { upTo: 4, points: 1 },
      { upTo: 5, points: 0 },
    ],
    attempts: { maxAttempts: 2, retryOnAnotherDay: true },
    weight: 0.25,
  });
  const cxMetrics = ['CSAT', 'CES', 'NPS', 'VES1', 'VES2'];
  return editionSchema.parse({
    key: 'BENCH',
    year: 2024,
    name: 'Benchmark',
    status: 'published',
    locales: ['nb'],
    derivedFrom: null,
    channels: CHANNELS.map(channel),
    areas: [
      area('wait', 0, 'scored', 5, [
        {
          key: 'w',
          name: text('w'),
          description: text('w'),
          order: 0,
          questions: [question('waitingTime', true), question('yesNo', false)],
        },
      ]),
      area('reception', 1, 'scored', 20, performances('rec', 3, 2, true)),
      area('agent', 2, 'scored', 50, performances('agent', 8, 3, true)),
      area('impression', 3, 'scored', 25, performances('imp', 2, 2, true)),
      area('gdpr', 4, 'unscored', null, performances('gdpr', 1, 2, false)),
      area('cx', 5, 'separateIndex', null, [
        {
          key: 'cx',
          name: text('cx'),
          description: text('cx'),
          order: 0,
          questions: cxMetrics.map((metric) =>
            question('scale', false, { cxMetric: metric, options: options(7, false) }),
          ),
        },
      ]),
    ],
    scoring: { areaWeighting: 'weighted', contactWeighting: 'equal', headlineAreaKey: 'agent' },
    awards: { minContacts: 20, minTotal: 0, minCompaniesPerIndustry: 3, minContactsPerChannel: 5 },
  });
}

export function generate(edition: Edition): Evaluation[] {
  const random = prng(2024);
  const byChannel = new Map(
    CHANNELS.map((c) => [
      c,
      questionsForChannel(edition, c).filter((q) => q.question.type !== 'waitingTime'),
    ]),
  );
  const out: Evaluation[] = [];
  for (let i = 0; i < EVALUATIONS; i++) {
    const channel = CHANNELS[i % CHANNELS.length] as string;
    const answered = random() > 0.05;
    const questions = byChannel.get(channel) ?? [];
    const answers: Evaluation['answers'] = [];
    if (answered) {
      for (let a = 0; a < ANSWERS; a++) {
        const { question } = questions[a] as (typeof questions)[number];
        const na = random() < 0.03;
        const option = question.options[Math.floor(random() * question.options.length)];
        answers.push({
          questionKey: question.key,
          optionKey: na ? null : (option?.key ?? null),
          text: null,
          notApplicable: na,
        });
      }
    }
    const company = i % COMPANIES;
    out.push({
      id: `e${String(i).padStart(7, '0')}`,
      editionKey: edition.key,
      companyKey: `c${company}`,
      industryKey: `i${company % 40}`,
      channel,
      rolePlayKey: null,
      observerKey: null,
      contactedAt: '2024-03-01T10:00:00+01:00',
      answered,
      waitingTime: answered ? random() * 6 : null,
      earlierAttempts: [],
      answers,
      comments: {},
    });
  }
  return out;
}

/** The edition (checked), its evaluations and companies. */
export function benchData() {
  const edition = kspSizedEdition();
  const issues = checkEdition(edition);
  if (issues.length > 0) throw new Error(`benchmark edition is invalid: ${JSON.stringify(issues)}`);
  const evaluations = generate(edition);
  const companies = Array.from({ length: COMPANIES }, (_, c) => ({
    key: `c${c}`,
    name: `Company ${c}`,
    industryKey: `i${c % 40}`,
  }));
  return { edition, evaluations, companies };
}
