import { byOrder } from '../edition-tree/sibling-order';
import type { AreaCounting } from '../model/area';
import type { WaitingBand } from '../model/channel';
import type { Edition } from '../model/edition';
import { type CxMetric, cxMetricSchema, type Question } from '../model/question';
import type { WaitingRule } from './contact-outcome';
import { type QuestionTable, questionTable } from './question-table';
import { shadowOptionPoints } from './shadow-points';
import { maxWaitingPoints } from './waiting-points';

/** A question prepared for scoring: options looked up by key, points in flat arrays. */
/** The CX metrics in a fixed order, for per-contact arrays. */
export const CX_METRICS: readonly CxMetric[] = cxMetricSchema.options;

export interface CompiledQuestion {
  key: string;
  /** Position of the question in the whole edition (for per-contact bookkeeping). */
  index: number;
  areaIndex: number;
  performanceIndex: number;
  isWaitingTime: boolean;
  scored: boolean;
  bonus: boolean;
  critical: Question['critical'];
  cxMetric: CxMetric | null;
  /** Position of cxMetric in CX_METRICS, −1 when the question feeds no CX metric. */
  cxIndex: number;
  optionIndex: Map<string, number>;
  /** Points per option (0 on unscored questions; they never count). */
  optionPoints: number[];
  /** Points per option as if scored (see shadowOptionPoints). */
  optionShadowPoints: number[];
  optionValues: (number | null)[];
  /** The most this question can earn (for waiting time: the best band). */
  maxPoints: number;
  maxShadowPoints: number;
}

export interface CompiledChannel {
  key: string;
  index: number;
  weight: number;
  bands: WaitingBand[];
  /** The channel's maximum wait and late-answer rule (contactOutcome). */
  rule: WaitingRule;
  /** The non-comment questions asked on this channel, by key. */
  questions: Map<string, CompiledQuestion>;
  waitingQuestions: CompiledQuestion[];
}

export interface CompiledArea {
  key: string;
  index: number;
  counting: AreaCounting;
  countsInTotal: boolean;
  weight: number;
}

export interface CompiledPerformance {
  key: string;
  index: number;
  areaIndex: number;
  areaKey: string;
}

/** Everything scoring needs from an edition, computed once. */
export interface CompiledEdition {
  edition: Edition;
  areas: CompiledArea[];
  performances: CompiledPerformance[];
  channels: Map<string, CompiledChannel>;
  channelList: CompiledChannel[];
  questionCount: number;
  headlineAreaIndex: number;
  /** The questions' figures in typed arrays, for the scoring loop. */
  table: QuestionTable;
}

/** Precomputes lookups so that scoring a contact is a few map reads per answer. Expects a valid edition. */
export function compileEdition(edition: Edition): CompiledEdition {
  const channelList: CompiledChannel[] = byOrder(edition.channels).map((channel, index) => ({
    key: channel.key,
    index,
    weight: channel.weight ?? 0,
    bands: channel.waitingBands,
    rule: channel,
    questions: new Map(),
    waitingQuestions: [],
  }));
  const channels = new Map(channelList.map((c) => [c.key, c]));
  const areas: CompiledArea[] = [];
  const performances: CompiledPerformance[] = [];
  let questionCount = 0;

  for (const area of byOrder(edition.areas)) {
    const areaIndex = areas.length;
    areas.push({
      key: area.key,
      index: areaIndex,
      counting: area.counting,
      countsInTotal: area.counting === 'scored',
      weight: area.weight ?? 0,
    });
    for (const performance of byOrder(area.performances)) {
      const performanceIndex = performances.length;
      performances.push({ key: performance.key, index: performanceIndex, areaIndex, areaKey: area.key });
      for (const question of byOrder(performance.questions)) {
        const index = questionCount++;
        if (question.type === 'comment') continue;
        for (const channelKey of question.channels) {
          const channel = channels.get(channelKey);
          if (!channel) continue;
          const compiled = compileQuestion(question, index, areaIndex, performanceIndex, channel.bands);
          channel.questions.set(question.key, compiled);
          if (compiled.isWaitingTime) channel.waitingQuestions.push(compiled);
        }
      }
    }
  }
  const headlineAreaIndex = areas.findIndex((a) => a.key === edition.scoring.headlineAreaKey);
  const table = questionTable(channelList, questionCount);
  return { edition, areas, performances, channels, channelList, questionCount, headlineAreaIndex, table };
}

function compileQuestion(
  question: Question,
  index: number,
  areaIndex: number,
  performanceIndex: number,
  bands: WaitingBand[],
): CompiledQuestion {
  const isWaitingTime = question.type === 'waitingTime';
  const optionPoints = question.options.map((o) => (question.scored ? (o.points ?? 0) : 0));
  const optionShadowPoints = shadowOptionPoints(question);
  const bandMax = maxWaitingPoints(bands);
  return {
    key: question.key,
    index,
    areaIndex,
    performanceIndex,
    isWaitingTime,
    scored: question.scored,
    bonus: question.bonus,
    critical: question.critical,
    cxMetric: question.cxMetric,
    cxIndex: question.cxMetric === null ? -1 : CX_METRICS.indexOf(question.cxMetric),
    optionIndex: new Map(question.options.map((o, i) => [o.key, i])),
    optionPoints,
    optionShadowPoints,
    optionValues: question.options.map((o) => o.value),
    maxPoints: isWaitingTime ? bandMax : Math.max(0, ...optionPoints),
    maxShadowPoints: isWaitingTime ? bandMax : Math.max(0, ...optionShadowPoints),
  };
}
