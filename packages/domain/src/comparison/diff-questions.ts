import type { LocalizedText } from '../model/locale';
import type { AnswerOption, Question } from '../model/question';
import type { DefinitionChange } from './definition-change';
import { makeChange, sameValue } from './diff-change';
import { type IndexedEdition, questionCountsInScore, questionCountsInTotal } from './diff-index';
import { reorderedKeys } from './diff-reorder';
import {
  added,
  detailsChanged,
  enQ,
  moved,
  nbQ,
  removed,
  renamed,
  reordered,
  sentence,
} from './diff-wording';

/**
 * Questions matched by key across the whole edition, so a question under another performance is "moved".
 * A question inside an added or removed performance is covered by that change and not listed again.
 */
export function diffQuestions(from: IndexedEdition, to: IndexedEdition): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const reorderedInPerformance = new Set<string>();
  for (const [performanceKey, { performance }] of to.performances) {
    const old = from.performances.get(performanceKey);
    if (!old) continue;
    const keys = (p: typeof performance) =>
      p.questions.toSorted((x, y) => x.order - y.order).map((q) => q.key);
    for (const key of reorderedKeys(keys(old.performance), keys(performance)))
      reorderedInPerformance.add(key);
  }
  const channelNames = (keys: readonly string[], locale: 'nb' | 'en') =>
    keys.map((k) => (to.channels.get(k) ?? from.channels.get(k))?.name[locale] ?? k).join(', ');

  for (const [key, { question: after, performance, area }] of to.questions) {
    const base = {
      level: 'question' as const,
      key,
      path: `${area.key}/${performance.key}/${key}`,
      areaKey: area.key,
      performanceKey: performance.key,
    };
    const old = from.questions.get(key);
    if (!old) {
      if (!from.performances.has(performance.key)) continue;
      const counts = questionCountsInScore(after, area);
      changes.push(
        makeChange({
          ...base,
          kind: 'added',
          before: null,
          after,
          summary: added(
            'question',
            after.text,
            performance.name,
            counts ? undefined : { nb: ' (uten poeng)', en: ' (unscored)' },
          ),
          affectsScores: counts,
          affectsTotal: questionCountsInTotal(after, area),
        }),
      );
      continue;
    }
    const before = old.question;
    const inScore = questionCountsInScore(before, old.area) || questionCountsInScore(after, area);
    const inTotal = questionCountsInTotal(before, old.area) || questionCountsInTotal(after, area);
    const scoreChange = { affectsScores: inScore, affectsTotal: inTotal };

    if (old.performance.key !== performance.key) {
      changes.push(
        makeChange({
          ...base,
          kind: 'moved',
          before: { areaKey: old.area.key, performanceKey: old.performance.key },
          after: { areaKey: area.key, performanceKey: performance.key },
          summary: moved('question', after.text, old.performance.name, performance.name),
          ...scoreChange,
        }),
      );
    } else if (reorderedInPerformance.has(key)) {
      changes.push(
        makeChange({
          ...base,
          kind: 'reordered',
          before: before.order,
          after: after.order,
          summary: reordered('question', after.text),
          affectsScores: false,
        }),
      );
    }
    if (!sameValue(before.text, after.text)) {
      changes.push(
        makeChange({
          ...base,
          kind: 'renamed',
          before: before.text,
          after: after.text,
          summary: renamed('question', before.text, after.text),
          affectsScores: false,
        }),
      );
    }
    if (before.type !== after.type) {
      changes.push(
        makeChange({
          ...base,
          kind: 'typeChanged',
          before: before.type,
          after: after.type,
          summary: sentence(
            `Svartypen til spørsmålet ${nbQ(after.text)} er endret fra ${before.type} til ${after.type}.`,
            `Answer type of question ${enQ(after.text)} changed from ${before.type} to ${after.type}.`,
          ),
          ...scoreChange,
        }),
      );
    }
    if (!sameValue([...before.channels].sort(), [...after.channels].sort())) {
      changes.push(
        makeChange({
          ...base,
          kind: 'channelsChanged',
          before: before.channels,
          after: after.channels,
          summary: sentence(
            `Spørsmålet ${nbQ(after.text)} stilles nå på ${channelNames(after.channels, 'nb')} (før: ${channelNames(before.channels, 'nb')}).`,
            `Question ${enQ(after.text)} is now asked on ${channelNames(after.channels, 'en')} (before: ${channelNames(before.channels, 'en')}).`,
          ),
          ...scoreChange,
        }),
      );
    }
    if (before.scored !== after.scored) {
      changes.push(
        makeChange({
          ...base,
          kind: 'countingChanged',
          before: before.scored,
          after: after.scored,
          summary: after.scored
            ? sentence(
                `Spørsmålet ${nbQ(after.text)} gir nå poeng.`,
                `Question ${enQ(after.text)} is now scored.`,
              )
            : sentence(
                `Spørsmålet ${nbQ(after.text)} gir ikke lenger poeng.`,
                `Question ${enQ(after.text)} is no longer scored.`,
              ),
          ...scoreChange,
        }),
      );
    }
    const points = pointsChange(before, after);
    if (points) {
      changes.push(
        makeChange({
          ...base,
          kind: 'pointsChanged',
          before: points.before,
          after: points.after,
          summary: sentence(
            `Poengene på spørsmålet ${nbQ(after.text)} er endret (maks ${points.before.max} → ${points.after.max} poeng).`,
            `Points of question ${enQ(after.text)} changed (max ${points.before.max} → ${points.after.max} points).`,
          ),
          ...scoreChange,
        }),
      );
    }
    const options = optionsChange(before.options, after.options);
    if (options) {
      changes.push(
        makeChange({
          ...base,
          kind: 'optionsChanged',
          before: before.options,
          after: after.options,
          summary: detailsChanged(
            {
              nb: `Svaralternativene på spørsmålet ${nbQ(after.text)}`,
              en: `Options of question ${enQ(after.text)}`,
            },
            options.details,
          ),
          // Relabelled options alone are a text change; added, removed or re-valued ones change what is measured.
          affectsScores: options.structural && inScore,
          affectsTotal: options.structural && inTotal,
        }),
      );
    }
    const rules = rulesChange(before, after);
    if (rules.length > 0) {
      changes.push(
        makeChange({
          ...base,
          kind: 'rulesChanged',
          before: pickRules(before),
          after: pickRules(after),
          summary: detailsChanged(
            { nb: `Reglene for spørsmålet ${nbQ(after.text)}`, en: `Rules of question ${enQ(after.text)}` },
            rules.map((r) => RULE_WORDS[r]),
          ),
          // Whether an answer is required does not change how it scores.
          affectsScores: inScore && rules.some((r) => r !== 'required'),
          affectsTotal: inTotal && rules.some((r) => r !== 'required'),
        }),
      );
    }
  }

  for (const [key, { question: before, performance, area }] of from.questions) {
    if (to.questions.has(key) || !to.performances.has(performance.key)) continue;
    changes.push(
      makeChange({
        level: 'question',
        kind: 'removed',
        key,
        path: `${to.performances.get(performance.key)?.area.key ?? area.key}/${performance.key}/${key}`,
        areaKey: to.performances.get(performance.key)?.area.key ?? area.key,
        performanceKey: performance.key,
        before,
        after: null,
        summary: removed('question', before.text, performance.name),
        affectsScores: questionCountsInScore(before, area),
        affectsTotal: questionCountsInTotal(before, area),
      }),
    );
  }
  return changes;
}

const maxPoints = (q: Question) => Math.max(0, ...q.options.map((o) => o.points ?? 0));
const pointsOf = (q: Question) => ({
  max: maxPoints(q),
  options: Object.fromEntries(q.options.map((o) => [o.key, o.points])),
});

/** Points changed on an option both versions share, or the question's maximum changed. */
function pointsChange(before: Question, after: Question) {
  const changedShared = after.options.some((o) => {
    const old = before.options.find((b) => b.key === o.key);
    return old !== undefined && old.points !== o.points;
  });
  if (!changedShared && maxPoints(before) === maxPoints(after)) return null;
  return { before: pointsOf(before), after: pointsOf(after) };
}

function optionsChange(before: AnswerOption[], after: AnswerOption[]) {
  const label = (o: AnswerOption) => o.label;
  const quoted = (items: AnswerOption[]): LocalizedText => ({
    nb: items.map((o) => nbQ(label(o))).join(', '),
    en: items.map((o) => enQ(label(o))).join(', '),
  });
  const addedOptions = after.filter((o) => !before.some((b) => b.key === o.key));
  const removedOptions = before.filter((o) => !after.some((a) => a.key === o.key));
  const shared = after.filter((o) => before.some((b) => b.key === o.key));
  const oldOf = (o: AnswerOption) => before.find((b) => b.key === o.key);
  const relabelled = shared.filter((o) => !sameValue(oldOf(o)?.label, o.label));
  const revalued = shared.filter((o) => oldOf(o)?.value !== o.value);

  const details: LocalizedText[] = [];
  const detail = (items: AnswerOption[], nb: string, en: string) => {
    if (items.length === 0) return;
    const q = quoted(items);
    details.push({ nb: `${nb}: ${q.nb}`, en: `${en}: ${q.en}` });
  };
  detail(addedOptions, 'lagt til', 'added');
  detail(removedOptions, 'fjernet', 'removed');
  detail(relabelled, 'ny tekst', 'relabelled');
  detail(revalued, 'ny verdi', 'new value');
  if (details.length === 0) return null;
  return { details, structural: addedOptions.length + removedOptions.length + revalued.length > 0 };
}

const RULE_WORDS = {
  allowNotApplicable: { nb: 'N/A tillatt', en: 'N/A allowed' },
  required: { nb: 'påkrevd', en: 'required' },
  critical: { nb: 'kritisk', en: 'critical' },
  bonus: { nb: 'bonus', en: 'bonus' },
  cxMetric: { nb: 'CX-måltall', en: 'CX metric' },
} as const;
type RuleName = keyof typeof RULE_WORDS;

const pickRules = (q: Question) => ({
  allowNotApplicable: q.allowNotApplicable,
  required: q.required,
  critical: q.critical,
  bonus: q.bonus,
  cxMetric: q.cxMetric,
});

function rulesChange(before: Question, after: Question): RuleName[] {
  const b = pickRules(before);
  const a = pickRules(after);
  return (Object.keys(RULE_WORDS) as RuleName[]).filter((rule) => b[rule] !== a[rule]);
}
