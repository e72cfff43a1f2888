import type { DefinitionIssueCode } from '@ksp/domain';

/**
 * The definition rules' messages in both languages, one per code (the domain's DEFINITION_ISSUE_CODES;
 * test/i18n.test.ts checks every code has both): what the editor, the save and the import show instead of the
 * server's English. Placeholders are the issue's params. Spread into src/i18n/nb.ts and en.ts.
 */
type IssueMessages = Record<`definitionIssue.${DefinitionIssueCode}`, string>;

export const definitionIssuesNb: IssueMessages = {
  'definitionIssue.INVALID_VALUE': 'Verdien mangler eller har feil form.',
  'definitionIssue.INVALID_KEY':
    'En nøkkel har små bokstaver, sifre, «.», «-» og «_», og begynner med en bokstav.',
  'definitionIssue.TEXT_REQUIRED': 'Teksten er tom på alle språk. Skriv den på minst ett.',
  'definitionIssue.NUMBER_TOO_SMALL': 'Tallet må være minst {minimum}.',
  'definitionIssue.DUPLICATE_KEY': 'Nøkkelen {key} er allerede brukt.',
  'definitionIssue.ITEM_NOT_FOUND': 'Elementet finnes ikke lenger i utgaven (fjernet av noen andre?).',
  'definitionIssue.PARENT_NOT_FOUND': 'Stedet det skal inn i, finnes ikke lenger i utgaven.',
  'definitionIssue.SIBLING_NOT_FOUND': 'Elementet det skal stå foran, finnes ikke i listen.',
  'definitionIssue.DUPLICATE_IN_ORDER': 'Den samme nøkkelen står to ganger i rekkefølgen.',
  'definitionIssue.WRONG_LEVEL': 'Elementet kan ikke ligge der.',
  'definitionIssue.IN_USE':
    'Evalueringer eller rollespill bruker det som ville blitt fjernet, så det kan ikke fjernes.',
  'definitionIssue.UNKNOWN_CHANNEL': 'Kanalen {channel} finnes ikke i utgaven.',
  'definitionIssue.QUESTION_WITHOUT_CHANNEL': 'Spørsmålet må stilles på minst én kanal.',
  'definitionIssue.WAITING_BANDS_NOT_ASCENDING': 'Ventetidsintervallene må stå i stigende rekkefølge.',
  'definitionIssue.LAST_BAND_NOT_MAX_WAIT': 'Det siste intervallet må slutte ved maks ventetid ({maxWait}).',
  'definitionIssue.CHANNEL_WEIGHT_REQUIRED':
    'Kanalen {key} trenger en vekt når kontakter vektes etter kanal.',
  'definitionIssue.AREA_REQUIRED': 'Utgaven trenger minst ett område før den publiseres.',
  'definitionIssue.AREA_WEIGHT_REQUIRED':
    'Området {key} teller i totalen og trenger en vekt når områder vektes.',
  'definitionIssue.HEADLINE_AREA_UNKNOWN': 'Hovedområdet {key} finnes ikke i utgaven.',
  'definitionIssue.COMMENT_SCORED': 'Et kommentarspørsmål gir aldri poeng.',
  'definitionIssue.COMMENT_HAS_OPTIONS': 'Et kommentarspørsmål har ingen svaralternativer.',
  'definitionIssue.WAITING_TIME_HAS_OPTIONS':
    'Et ventetidsspørsmål har ingen svaralternativer: poengene kommer fra ventetidsintervallene.',
  'definitionIssue.OPTIONS_REQUIRED': 'Spørsmålet trenger svaralternativer.',
  'definitionIssue.OPTION_POINTS_REQUIRED': 'Svaralternativene til et poenggivende spørsmål trenger poeng.',
  'definitionIssue.ZERO_POINT_OPTION_REQUIRED': 'Et poenggivende spørsmål trenger et svar som gir 0 poeng.',
  'definitionIssue.UNSCORED_OPTION_HAS_POINTS': 'Et spørsmål uten poeng kan ikke ha poeng på svarene.',
  'definitionIssue.CX_OUTSIDE_SEPARATE_INDEX': 'Et CX-spørsmål må ligge i et område med egen indeks.',
  'definitionIssue.BONUS_NOT_SCORED': 'Et bonusspørsmål må gi poeng.',
  'definitionIssue.CRITICAL_NOT_SCORED': 'Et kritisk spørsmål må gi poeng.',
  'definitionIssue.MISSING_TRANSLATION': 'Teksten mangler oversettelse ({locale}).',
};

export const definitionIssuesEn: IssueMessages = {
  'definitionIssue.INVALID_VALUE': 'The value is missing or of the wrong kind.',
  'definitionIssue.INVALID_KEY':
    'A key is lower-case letters, digits, ".", "-" and "_", starting with a letter.',
  'definitionIssue.TEXT_REQUIRED': 'The text is empty in every language. Write it in at least one.',
  'definitionIssue.NUMBER_TOO_SMALL': 'The number must be at least {minimum}.',
  'definitionIssue.DUPLICATE_KEY': 'The key {key} is already used.',
  'definitionIssue.ITEM_NOT_FOUND': 'The item is no longer in the edition (removed by someone else?).',
  'definitionIssue.PARENT_NOT_FOUND': 'Where it should go is no longer in the edition.',
  'definitionIssue.SIBLING_NOT_FOUND': 'The item to put it before is not in that list.',
  'definitionIssue.DUPLICATE_IN_ORDER': 'The same key is listed twice in the order.',
  'definitionIssue.WRONG_LEVEL': 'The item cannot go there.',
  'definitionIssue.IN_USE': 'Evaluations or role plays use what would be removed, so it cannot be removed.',
  'definitionIssue.UNKNOWN_CHANNEL': 'The channel {channel} is not in the edition.',
  'definitionIssue.QUESTION_WITHOUT_CHANNEL': 'The question must be asked on at least one channel.',
  'definitionIssue.WAITING_BANDS_NOT_ASCENDING': 'Waiting bands must be in ascending order.',
  'definitionIssue.LAST_BAND_NOT_MAX_WAIT': 'The last band must end at the maximum wait ({maxWait}).',
  'definitionIssue.CHANNEL_WEIGHT_REQUIRED':
    'The channel {key} needs a weight when contacts are weighted by channel.',
  'definitionIssue.AREA_REQUIRED': 'The edition needs at least one area before it is published.',
  'definitionIssue.AREA_WEIGHT_REQUIRED':
    'The area {key} counts in the total and needs a weight when areas are weighted.',
  'definitionIssue.HEADLINE_AREA_UNKNOWN': 'The headline area {key} is not in the edition.',
  'definitionIssue.COMMENT_SCORED': 'A comment question never earns points.',
  'definitionIssue.COMMENT_HAS_OPTIONS': 'A comment question has no answer options.',
  'definitionIssue.WAITING_TIME_HAS_OPTIONS':
    'A waiting-time question has no answer options: its points come from the waiting bands.',
  'definitionIssue.OPTIONS_REQUIRED': 'The question needs answer options.',
  'definitionIssue.OPTION_POINTS_REQUIRED': 'The options of a scored question need points.',
  'definitionIssue.ZERO_POINT_OPTION_REQUIRED': 'A scored question needs an answer worth 0 points.',
  'definitionIssue.UNSCORED_OPTION_HAS_POINTS':
    'A question without points cannot have points on its answers.',
  'definitionIssue.CX_OUTSIDE_SEPARATE_INDEX': 'A CX question must sit in a separate-index area.',
  'definitionIssue.BONUS_NOT_SCORED': 'A bonus question must earn points.',
  'definitionIssue.CRITICAL_NOT_SCORED': 'A critical question must earn points.',
  'definitionIssue.MISSING_TRANSLATION': 'The text has no translation ({locale}).',
};
