import type { AreaCounting } from '../model/area';
import { type LocalizedText, textIn } from '../model/locale';

/** Short sentences in bokmål and English for definition changes. */

const MAX_QUOTED = 70;
const clip = (text: string) =>
  text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1).trimEnd()}…` : text;
/** «navn» in bokmål, “name” in English, each in its own locale. */
export const nbQ = (text: LocalizedText | undefined) => `«${clip(textIn(text, 'nb'))}»`;
export const enQ = (text: LocalizedText | undefined) => `“${clip(textIn(text, 'en'))}”`;

export const sentence = (nb: string, en: string): LocalizedText => ({ nb, en });

export const ITEM_WORDS = {
  channel: { nb: 'Kontaktmåten', en: 'Channel' },
  area: { nb: 'Prestasjonsområdet', en: 'Area' },
  performance: { nb: 'Prestasjonen', en: 'Performance' },
  question: { nb: 'Spørsmålet', en: 'Question' },
} as const;
export type ItemWord = keyof typeof ITEM_WORDS;

export const COUNTING_WORDS: Record<AreaCounting, LocalizedText> = {
  scored: { nb: 'med poeng', en: 'scored' },
  unscored: { nb: 'uten poeng', en: 'unscored' },
  separateIndex: { nb: 'egen indeks', en: 'separate index' },
};

export const countingNote = (counting: AreaCounting): LocalizedText =>
  counting === 'scored'
    ? { nb: '', en: '' }
    : { nb: ` (${COUNTING_WORDS[counting].nb})`, en: ` (${COUNTING_WORDS[counting].en})` };

export const added = (
  item: ItemWord,
  name: LocalizedText | undefined,
  into?: LocalizedText,
  note = countingNote('scored'),
) =>
  sentence(
    `${ITEM_WORDS[item].nb} ${nbQ(name)} er lagt til${into ? ` i ${nbQ(into)}` : ''}${note.nb}.`,
    `${ITEM_WORDS[item].en} ${enQ(name)} added${into ? ` to ${enQ(into)}` : ''}${note.en}.`,
  );

export const removed = (item: ItemWord, name: LocalizedText | undefined, from?: LocalizedText) =>
  sentence(
    `${ITEM_WORDS[item].nb} ${nbQ(name)} er fjernet${from ? ` fra ${nbQ(from)}` : ''}.`,
    `${ITEM_WORDS[item].en} ${enQ(name)} removed${from ? ` from ${enQ(from)}` : ''}.`,
  );

export const renamed = (item: ItemWord, before: LocalizedText, after: LocalizedText) =>
  item === 'question'
    ? sentence(
        `${ITEM_WORDS[item].nb} ${nbQ(before)} har fått ny tekst: ${nbQ(after)}.`,
        `${ITEM_WORDS[item].en} ${enQ(before)} reworded: ${enQ(after)}.`,
      )
    : sentence(
        `${ITEM_WORDS[item].nb} ${nbQ(before)} har fått nytt navn: ${nbQ(after)}.`,
        `${ITEM_WORDS[item].en} ${enQ(before)} renamed ${enQ(after)}.`,
      );

export const descriptionChanged = (item: ItemWord, name: LocalizedText) =>
  sentence(
    `Beskrivelsen av ${ITEM_WORDS[item].nb.toLowerCase()} ${nbQ(name)} er endret.`,
    `Description of ${ITEM_WORDS[item].en.toLowerCase()} ${enQ(name)} changed.`,
  );

export const moved = (item: ItemWord, name: LocalizedText, from: LocalizedText, to: LocalizedText) =>
  sentence(
    `${ITEM_WORDS[item].nb} ${nbQ(name)} er flyttet fra ${nbQ(from)} til ${nbQ(to)}.`,
    `${ITEM_WORDS[item].en} ${enQ(name)} moved from ${enQ(from)} to ${enQ(to)}.`,
  );

export const reordered = (item: ItemWord, name: LocalizedText) =>
  sentence(
    `${ITEM_WORDS[item].nb} ${nbQ(name)} har fått ny plassering.`,
    `${ITEM_WORDS[item].en} ${enQ(name)} has a new position.`,
  );

export const weightChanged = (item: ItemWord, name: LocalizedText, before: unknown, after: unknown) =>
  sentence(
    `Vekten til ${ITEM_WORDS[item].nb.toLowerCase()} ${nbQ(name)} er endret fra ${before ?? 'ingen'} til ${after ?? 'ingen'}.`,
    `Weight of ${ITEM_WORDS[item].en.toLowerCase()} ${enQ(name)} changed from ${before ?? 'none'} to ${after ?? 'none'}.`,
  );

export const countingChanged = (
  item: ItemWord,
  name: LocalizedText,
  before: AreaCounting,
  after: AreaCounting,
) =>
  sentence(
    `${ITEM_WORDS[item].nb} ${nbQ(name)} er endret fra ${COUNTING_WORDS[before].nb} til ${COUNTING_WORDS[after].nb}.`,
    `${ITEM_WORDS[item].en} ${enQ(name)} changed from ${COUNTING_WORDS[before].en} to ${COUNTING_WORDS[after].en}.`,
  );

/** "… er endret (a, b)" with a list of what changed, in each locale. */
export const detailsChanged = (subject: LocalizedText, details: LocalizedText[]) =>
  sentence(
    `${subject.nb} er endret (${details.map((d) => d.nb).join(', ')}).`,
    `${subject.en} changed (${details.map((d) => d.en).join(', ')}).`,
  );
