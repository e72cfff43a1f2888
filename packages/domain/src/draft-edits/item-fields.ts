import type { Area } from '../model/area';
import type { ChannelRule } from '../model/channel';
import type { LocalizedText } from '../model/locale';
import type { Performance } from '../model/performance';
import type { AnswerOption, Question } from '../model/question';

// An item's own fields, flat, by the names draft edits use and the database stores them (a channel's
// attempts are three fields): what an update may change, what a field-level merge compares, and the
// database's columns besides key, order, parent and lineage.

/** A text without blank languages (the editor may hold an emptied field). */
function written(text: LocalizedText): LocalizedText {
  return Object.fromEntries(Object.entries(text).filter(([, value]) => value?.trim()));
}

export const channelFields = (c: ChannelRule) => ({
  name: written(c.name),
  waitUnit: c.waitUnit,
  maxWait: c.maxWait,
  waitingBands: c.waitingBands,
  maxAttempts: c.attempts.maxAttempts,
  retryOnAnotherDay: c.attempts.retryOnAnotherDay,
  lateAnswerCounts: c.attempts.lateAnswerCounts,
  weight: c.weight,
});
export const areaFields = (a: Area) => ({
  name: written(a.name),
  description: written(a.description),
  counting: a.counting,
  weight: a.weight,
});
export const performanceFields = (p: Performance) => ({
  name: written(p.name),
  description: written(p.description),
});
export const questionFields = (q: Question) => ({
  text: written(q.text),
  type: q.type,
  channels: q.channels,
  scored: q.scored,
  allowNotApplicable: q.allowNotApplicable,
  required: q.required,
  cxMetric: q.cxMetric,
  critical: q.critical,
  bonus: q.bonus,
});
export const optionFields = (o: AnswerOption) => ({
  label: written(o.label),
  points: o.points,
  value: o.value,
});
