import { type Edition, textIn } from '@ksp/domain';

const FIELD_NAMES: Record<string, string> = {
  name: 'name',
  description: 'description',
  text: 'question text',
  label: 'answer option',
};

const quote = (text: string, max = 60) => `«${text.length > max ? `${text.slice(0, max - 1)}…` : text}»`;

/**
 * A hint for translators per text key: what the text is and where it sits in the survey (in bokmål names),
 * e.g. `question text · Hilsen og presentasjon › Mottak og velkomst`. Read-only in the file: changes are ignored.
 */
export function translationContexts(edition: Edition): Map<string, string> {
  const contexts = new Map<string, string>();
  const put = (path: string, field: string, where: string) =>
    contexts.set(`${path}#${field}`, `${FIELD_NAMES[field] ?? field} · ${where}`);
  for (const channel of edition.channels) put(`channel/${channel.key}`, 'name', 'channel');
  for (const area of edition.areas) {
    const areaName = textIn(area.name, 'nb');
    put(`area/${area.key}`, 'name', 'area');
    put(`area/${area.key}`, 'description', `area ${quote(areaName)}`);
    for (const performance of area.performances) {
      const within = `${textIn(performance.name, 'nb')} › ${areaName}`;
      put(`performance/${performance.key}`, 'name', `performance in ${quote(areaName)}`);
      put(`performance/${performance.key}`, 'description', `performance ${quote(within)}`);
      for (const question of performance.questions) {
        put(`question/${question.key}`, 'text', `${question.type} question in ${quote(within)}`);
        for (const option of question.options)
          put(
            `option/${question.key}/${option.key}`,
            'label',
            `of question ${quote(textIn(question.text, 'nb'))}`,
          );
      }
    }
  }
  return contexts;
}
