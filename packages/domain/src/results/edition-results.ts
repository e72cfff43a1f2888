import type { AreaCounting } from '../model/area';
import type { AwardRules, Edition, ScoringRules } from '../model/edition';
import type { Evaluation } from '../model/evaluation';
import type { CxMetric } from '../model/question';
import type { CompanyInfo, CompanyResult } from '../scoring/company-result';
import {
  type ChannelContributionSums,
  companyResultsFromSums,
  type PartContributionSums,
} from '../scoring/company-results-from-sums';
import { type CompiledEdition, compileEdition } from '../scoring/compile-edition';
import { type EvaluationBatch, isEvaluationBatch } from '../scoring/evaluation-batch';
import { scoreCompanies } from '../scoring/score-companies';
import { DomainValidationError, type ValidationIssue } from '../validation/issue';
import { type BestOnChannel, bestOnChannel } from './best-on-channel';
import { type IndustryRanking, type Ranking, rankIndustry, rankOverall } from './ranking';
import { type AverageFigures, averageOfFigures, scoreFigures } from './score-figures';

export interface IndustryResult extends IndustryRanking {
  /** Mean figures of the industry's companies that have contacts. */
  averages: AverageFigures;
}

/** What the results were computed from, so that they can be read (and compared) without the edition. */
export interface ResultsDefinition {
  areas: { key: string; counting: AreaCounting; countsInTotal: boolean; performanceKeys: string[] }[];
  channels: string[];
  cxSources: { metric: CxMetric; questionKey: string; performanceKey: string; areaKey: string }[];
  /** Performances holding a waiting-time question: a change of channel waiting rules reaches them. */
  waitingPerformanceKeys: string[];
}

/** The whole result of an edition as one plain, serialisable object. */
export interface EditionResults {
  editionKey: string;
  year: number;
  scoring: ScoringRules;
  awards: AwardRules;
  definition: ResultsDefinition;
  /** Sorted by company key. */
  companies: CompanyResult[];
  /** Sorted by industry key. */
  industries: IndustryResult[];
  overall: Ranking;
  bestOnChannel: BestOnChannel[];
  /** Mean figures of all companies with contacts. */
  averages: AverageFigures;
}

/**
 * Scores every evaluation and builds the edition's results: companies, industry rankings and winners,
 * the overall ranking and winner, "Best på" per channel and averages. Evaluations must have passed
 * validateEvaluation; each must belong to this edition and to a listed company. They can come as an
 * EvaluationBatch (columns, for large editions read from a database): same results, less allocation.
 */
export function computeEditionResults(
  edition: Edition,
  evaluations: readonly Evaluation[] | EvaluationBatch,
  companies: readonly CompanyInfo[],
): EditionResults {
  const issues: ValidationIssue[] = [];
  const checkEditionKey = (editionKey: string, path: string) => {
    if (editionKey !== edition.key) {
      issues.push({ path, message: `evaluation is for edition "${editionKey}", not "${edition.key}"` });
    }
  };
  if (isEvaluationBatch(evaluations)) checkEditionKey(evaluations.editionKey, 'editionKey');
  else {
    evaluations.forEach((e, i) => {
      checkEditionKey(e.editionKey, `evaluations[${i}].editionKey`);
    });
  }
  if (issues.length > 0) throw new DomainValidationError('Results input', issues);

  const compiled = compileEdition(edition);
  return editionResultsOf(compiled, scoreCompanies(compiled, evaluations, companies));
}

/**
 * The same results from sums over the contacts' stored contributions (contactContributions, summed by a
 * database: see ChannelContributionSums and PartContributionSums), for the definition they were scored with.
 */
export function editionResultsFromSums(
  edition: Edition,
  companies: readonly CompanyInfo[],
  channelSums: readonly ChannelContributionSums[],
  partSums: readonly PartContributionSums[],
): EditionResults {
  const compiled = compileEdition(edition);
  return editionResultsOf(compiled, companyResultsFromSums(compiled, companies, channelSums, partSums));
}

/** Rankings, winners, "Best på" and averages from the companies' results: the step both ways share. */
function editionResultsOf(compiled: CompiledEdition, companyResults: CompanyResult[]): EditionResults {
  const { edition } = compiled;
  const measured = companyResults.filter((c) => c.n > 0);
  // Each company's figures once, for its industry's averages and the overall ones.
  const measuredFigures = measured.map(scoreFigures);
  const industryKeys = [...new Set(companyResults.map((c) => c.industryKey))].sort();
  const channelKeys = compiled.channelList.map((c) => c.key);

  return {
    editionKey: edition.key,
    year: edition.year,
    scoring: edition.scoring,
    awards: edition.awards,
    definition: resultsDefinition(edition, channelKeys),
    companies: companyResults,
    industries: industryKeys.map((industryKey) => ({
      ...rankIndustry(companyResults, industryKey, edition.awards),
      averages: averageOfFigures(measuredFigures.filter((_, i) => measured[i]?.industryKey === industryKey)),
    })),
    overall: rankOverall(companyResults, edition.awards),
    bestOnChannel: bestOnChannel(companyResults, channelKeys, edition.awards),
    averages: averageOfFigures(measuredFigures),
  };
}

function resultsDefinition(edition: Edition, channels: string[]): ResultsDefinition {
  const cxSources: ResultsDefinition['cxSources'] = [];
  const waitingPerformanceKeys: string[] = [];
  const areas = edition.areas.map((area) => {
    for (const performance of area.performances) {
      for (const question of performance.questions) {
        if (question.type === 'waitingTime') waitingPerformanceKeys.push(performance.key);
        if (question.cxMetric !== null) {
          cxSources.push({
            metric: question.cxMetric,
            questionKey: question.key,
            performanceKey: performance.key,
            areaKey: area.key,
          });
        }
      }
    }
    return {
      key: area.key,
      counting: area.counting,
      countsInTotal: area.counting === 'scored',
      performanceKeys: area.performances.map((p) => p.key),
    };
  });
  return { areas, channels, cxSources, waitingPerformanceKeys };
}
