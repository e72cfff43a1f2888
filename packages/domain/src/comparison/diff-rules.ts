import type { Edition } from '../model/edition';
import type { DefinitionChange } from './definition-change';
import { makeChange, sameValue } from './diff-change';

/** Changes to the edition's scoring and award rules. */
export function diffRules(from: Edition, to: Edition): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  if (!sameValue(from.scoring, to.scoring)) {
    const changed = (Object.keys(to.scoring) as (keyof Edition['scoring'])[]).filter(
      (k) => from.scoring[k] !== to.scoring[k],
    );
    // Only how areas and contacts combine changes the numbers; the headline area is a matter of reporting.
    const affectsScores = changed.some((k) => k !== 'headlineAreaKey');
    changes.push(
      makeChange({
        level: 'edition',
        kind: 'rulesChanged',
        key: 'scoring',
        path: 'scoring',
        before: from.scoring,
        after: to.scoring,
        summary: {
          nb: `Poengreglene er endret (${changed.map((k) => `${k}: ${from.scoring[k]} → ${to.scoring[k]}`).join(', ')}).`,
          en: `Scoring rules changed (${changed.map((k) => `${k}: ${from.scoring[k]} → ${to.scoring[k]}`).join(', ')}).`,
        },
        affectsScores,
      }),
    );
  }
  if (!sameValue(from.awards, to.awards)) {
    const changed = (Object.keys(to.awards) as (keyof Edition['awards'])[]).filter(
      (k) => from.awards[k] !== to.awards[k],
    );
    changes.push(
      makeChange({
        level: 'edition',
        kind: 'rulesChanged',
        key: 'awards',
        path: 'awards',
        before: from.awards,
        after: to.awards,
        summary: {
          nb: `Reglene for priser er endret (${changed.map((k) => `${k}: ${from.awards[k]} → ${to.awards[k]}`).join(', ')}).`,
          en: `Award rules changed (${changed.map((k) => `${k}: ${from.awards[k]} → ${to.awards[k]}`).join(', ')}).`,
        },
        // Who may win changes, not anybody's score.
        affectsScores: false,
      }),
    );
  }
  return changes;
}
