import { DomainValidationError, type ValidationIssue } from '../validation/issue';
import { addAt } from './add-at';
import type {
  AreaResult,
  ChannelResult,
  CompanyInfo,
  CompanyResult,
  PartResult,
  PerformanceResult,
} from './company-result';
import { compareKeysAsc } from './compare-keys';
import type { CompiledEdition } from './compile-edition';
import type { ContactPartScore, ContactScore } from './contact-score';
import { CxAccumulator } from './cx-metrics';
import { percentage } from './percentage';

// Slots per area/performance in a company's running sums.
const N = 0;
const SUM = 1;
const EARNED = 2;
const POSSIBLE = 3;
const SHADOW_N = 4;
const SHADOW_SUM = 5;
const SHADOW_EARNED = 6;
const SHADOW_POSSIBLE = 7;
const SLOTS = 8;

/**
 * Combines contact scores into one result per company (docs/scoring.md, "Per company").
 * Every listed company gets a result, also without contacts. Contacts are summed in evaluation-id order,
 * so the results do not depend on the order of the input.
 */
export function scoreCompanies(
  compiled: CompiledEdition,
  contacts: readonly ContactScore[],
  companies: readonly CompanyInfo[],
): CompanyResult[] {
  const byCompany = new Map<string, ContactScore[]>();
  const issues: ValidationIssue[] = [];
  companies.forEach((company, i) => {
    if (byCompany.has(company.key))
      issues.push({ path: `companies[${i}].key`, message: `company "${company.key}" is listed twice` });
    byCompany.set(company.key, []);
  });
  contacts.forEach((contact, i) => {
    const list = byCompany.get(contact.companyKey);
    if (list) list.push(contact);
    else
      issues.push({
        path: `evaluations[${i}].companyKey`,
        message: `company "${contact.companyKey}" is not in the company list`,
      });
  });
  if (issues.length > 0) throw new DomainValidationError('Results input', issues);

  return [...companies]
    .sort((a, b) => compareKeysAsc(a.key, b.key))
    .map((company) => {
      const list = byCompany.get(company.key) ?? [];
      list.sort((a, b) => compareKeysAsc(a.evaluationId, b.evaluationId));
      return scoreCompany(compiled, company, list);
    });
}

function scoreCompany(
  compiled: CompiledEdition,
  company: CompanyInfo,
  contacts: ContactScore[],
): CompanyResult {
  const channelCount = compiled.channelList.length;
  const chN = new Float64Array(channelCount);
  const chAnswered = new Float64Array(channelCount);
  const chScored = new Float64Array(channelCount);
  const chSum = new Float64Array(channelCount);
  const chAnsweredScored = new Float64Array(channelCount);
  const chAnsweredSum = new Float64Array(channelCount);
  const areaSums = new Float64Array(compiled.areas.length * SLOTS);
  const performanceSums = new Float64Array(compiled.performances.length * SLOTS);
  const cx = new CxAccumulator();
  let criticalContacts = 0;

  for (const contact of contacts) {
    const c = compiled.channels.get(contact.channel)?.index;
    if (c === undefined) continue;
    addAt(chN, c, 1);
    if (contact.criticalEffect === 'contact') criticalContacts++;
    if (contact.total !== null) {
      addAt(chScored, c, 1);
      addAt(chSum, c, contact.total);
    }
    if (!contact.answered) continue;
    addAt(chAnswered, c, 1);
    if (contact.total !== null) {
      addAt(chAnsweredScored, c, 1);
      addAt(chAnsweredSum, c, contact.total);
    }
    addParts(contact.areas, areaSums);
    addParts(contact.performances, performanceSums);
    cx.add(contact.cx);
  }

  const channels: ChannelResult[] = compiled.channelList.map((channel, c) => ({
    key: channel.key,
    n: chN[c] as number,
    nAnswered: chAnswered[c] as number,
    total: mean(chSum[c] as number, chScored[c] as number),
    answeredOnly: mean(chAnsweredSum[c] as number, chAnsweredScored[c] as number),
  }));
  const byChannel = compiled.edition.scoring.contactWeighting === 'channel';
  const combine = (pick: (c: number) => number | null, sums: Float64Array, counts: Float64Array) =>
    byChannel ? channelWeighted(compiled, pick) : mean(sum(sums), sum(counts));

  const areas: AreaResult[] = compiled.areas.map((area, a) => ({
    ...partResult(area.key, areaSums, a),
    counting: area.counting,
    countsInTotal: area.countsInTotal,
  }));
  const performances: PerformanceResult[] = compiled.performances.map((performance, p) => ({
    ...partResult(performance.key, performanceSums, p),
    areaKey: performance.areaKey,
  }));

  return {
    companyKey: company.key,
    name: company.name,
    industryKey: company.industryKey,
    n: contacts.length,
    nAnswered: sum(chAnswered),
    total: combine((c) => channels[c]?.total ?? null, chSum, chScored),
    answeredOnly: combine((c) => channels[c]?.answeredOnly ?? null, chAnsweredSum, chAnsweredScored),
    headline: compiled.headlineAreaIndex >= 0 ? (areas[compiled.headlineAreaIndex]?.score ?? null) : null,
    criticalContacts,
    channels,
    areas,
    performances,
    cx: cx.result(),
  };
}

/** Σ w_ch · score_ch / Σ w_ch over the channels that have a score: unmeasured channels do not count against anyone. */
function channelWeighted(compiled: CompiledEdition, scoreOf: (c: number) => number | null): number | null {
  let weighted = 0;
  let weights = 0;
  for (const channel of compiled.channelList) {
    const score = scoreOf(channel.index);
    if (score === null) continue;
    weighted += channel.weight * score;
    weights += channel.weight;
  }
  return weights > 0 ? weighted / weights : null;
}

function addParts(parts: readonly ContactPartScore[], sums: Float64Array): void {
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as ContactPartScore;
    const o = i * SLOTS;
    if (part.percentage !== null) {
      addAt(sums, o + N, 1);
      addAt(sums, o + SUM, part.percentage);
      addAt(sums, o + EARNED, part.earned);
      addAt(sums, o + POSSIBLE, part.possible);
    }
    if (part.shadowPercentage !== null) {
      addAt(sums, o + SHADOW_N, 1);
      addAt(sums, o + SHADOW_SUM, part.shadowPercentage);
      addAt(sums, o + SHADOW_EARNED, part.shadowEarned);
      addAt(sums, o + SHADOW_POSSIBLE, part.shadowPossible);
    }
  }
}

function partResult(key: string, sums: Float64Array, index: number): PartResult {
  const at = (slot: number) => sums[index * SLOTS + slot] as number;
  return {
    key,
    n: at(N),
    score: mean(at(SUM), at(N)),
    earned: at(EARNED),
    possible: at(POSSIBLE),
    pooled: percentage(at(EARNED), at(POSSIBLE)),
    shadowN: at(SHADOW_N),
    shadowScore: mean(at(SHADOW_SUM), at(SHADOW_N)),
    shadowEarned: at(SHADOW_EARNED),
    shadowPossible: at(SHADOW_POSSIBLE),
    shadowPooled: percentage(at(SHADOW_EARNED), at(SHADOW_POSSIBLE)),
  };
}

function mean(total: number, count: number): number | null {
  return count > 0 ? total / count : null;
}

function sum(values: Float64Array): number {
  let out = 0;
  for (const v of values) out += v;
  return out;
}
