import type { Edition } from '../model/edition';
import type { Locale, LocalizedText } from '../model/locale';
import type { ValidationIssue } from './issue';

/** The edition's languages a text lacks; a text empty in all of them is an error instead (TEXT_REQUIRED). */
export function untranslatedLocales(text: LocalizedText, locales: readonly Locale[]): Locale[] {
  const missing = locales.filter((locale) => !text[locale]?.trim());
  return missing.length === locales.length ? [] : missing;
}

/**
 * Every text of the edition missing in one of its languages (MISSING_TRANSLATION, one per text and
 * language): warnings listed before publishing, never a reason to refuse a save. Descriptions are optional,
 * so one written in no language is not missing.
 */
export function translationWarnings(edition: Edition): ValidationIssue[] {
  const warnings: ValidationIssue[] = [];
  const check = (path: string, text: LocalizedText) => {
    for (const locale of untranslatedLocales(text, edition.locales))
      warnings.push({
        path: `${path}.${locale}`,
        code: 'MISSING_TRANSLATION',
        message: `the text has no ${locale} translation`,
        params: { locale },
      });
  };
  edition.channels.forEach((channel, c) => {
    check(`channels[${c}].name`, channel.name);
  });
  edition.areas.forEach((area, a) => {
    check(`areas[${a}].name`, area.name);
    check(`areas[${a}].description`, area.description);
    area.performances.forEach((performance, p) => {
      const performancePath = `areas[${a}].performances[${p}]`;
      check(`${performancePath}.name`, performance.name);
      check(`${performancePath}.description`, performance.description);
      performance.questions.forEach((question, q) => {
        const questionPath = `${performancePath}.questions[${q}]`;
        check(`${questionPath}.text`, question.text);
        question.options.forEach((option, o) => {
          check(`${questionPath}.options[${o}].label`, option.label);
        });
      });
    });
  });
  return warnings;
}
