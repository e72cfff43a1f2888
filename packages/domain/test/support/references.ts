import type { Evaluation } from '../../src/model/evaluation';
import {
  type ContactParticipation,
  type EvaluationReferences,
  type EvaluationRolePlay,
  evaluationReferences,
} from '../../src/validation/evaluation-references';

/**
 * References in which the given evaluations' companies take part in their industries on the channels they were
 * contacted on, with the role plays they name (for any channel and industry): what a database seeded with
 * exactly these evaluations would say.
 */
export function referencesOf(
  evaluations: readonly Evaluation[],
  rolePlays: readonly EvaluationRolePlay[] = [],
): EvaluationReferences {
  const participants = new Map<string, ContactParticipation & { channels: string[] }>();
  const named = new Map(rolePlays.map((r) => [r.key, r]));
  for (const e of evaluations) {
    const p = participants.get(e.companyKey) ?? {
      companyKey: e.companyKey,
      industryKey: e.industryKey,
      channels: [],
    };
    if (!p.channels.includes(e.channel)) p.channels.push(e.channel);
    participants.set(e.companyKey, p);
    if (e.rolePlayKey !== null && !named.has(e.rolePlayKey))
      named.set(e.rolePlayKey, { key: e.rolePlayKey, channelKey: null, industryKey: null });
  }
  return evaluationReferences({ participants: [...participants.values()], rolePlays: [...named.values()] });
}

/** References in which every named company takes part in `industryKey` on every channel. */
export function openReferences(companyKeys: readonly string[], industryKey = 'any'): EvaluationReferences {
  return evaluationReferences({
    participants: companyKeys.map((companyKey) => ({ companyKey, industryKey, channels: null })),
    rolePlays: [],
  });
}
