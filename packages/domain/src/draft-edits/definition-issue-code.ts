/**
 * Every rule an edition's definition or a change to it can break, as a code clients word in their own
 * language, with the rule in English (for API documentation). checkEdition and applyDefinitionChanges give
 * each issue one of these, with the path of the field and the keys and figures it names (params).
 */
export const DEFINITION_ISSUE_RULES = {
  // The shape of the edition or the change (zod): a missing or wrong value.
  INVALID_VALUE: 'A value is missing or of the wrong kind.',
  INVALID_KEY: 'A key is lower-case letters, digits, ".", "-" and "_", starting with a letter.',
  TEXT_REQUIRED: 'The text is empty in every language; write it in at least one.',
  NUMBER_TOO_SMALL: 'The number is below the least allowed (params.minimum).',
  // The tree.
  DUPLICATE_KEY: 'The key is already used by another item of the same kind.',
  ITEM_NOT_FOUND: 'The item the change names is not in the edition.',
  PARENT_NOT_FOUND: 'The area, performance or question to put the item in is not in the edition.',
  SIBLING_NOT_FOUND: 'The item to put it before is not in that list.',
  DUPLICATE_IN_ORDER: 'A reorder lists the same key twice.',
  WRONG_LEVEL: 'The item cannot go there (e.g. a question into an area).',
  IN_USE: 'Evaluations or role plays already use what would be removed.',
  // Channels and waiting rules.
  UNKNOWN_CHANNEL: 'A question is asked on a channel the edition does not have.',
  QUESTION_WITHOUT_CHANNEL: 'A question must be asked on at least one channel.',
  WAITING_BANDS_NOT_ASCENDING: 'Waiting bands go in ascending order of "up to".',
  LAST_BAND_NOT_MAX_WAIT: 'The last waiting band ends at the maximum wait (params.maxWait).',
  CHANNEL_WEIGHT_REQUIRED: 'Contacts are weighted by channel, so every channel needs a weight.',
  // Areas and weighting.
  AREA_REQUIRED: 'An edition needs at least one area before it is published.',
  AREA_WEIGHT_REQUIRED: 'Areas are weighted, so every scored area needs a weight.',
  HEADLINE_AREA_UNKNOWN: 'The headline area is not an area of the edition.',
  // Questions and options.
  COMMENT_SCORED: 'A comment question is never scored.',
  COMMENT_HAS_OPTIONS: 'A comment question has no options.',
  WAITING_TIME_HAS_OPTIONS: 'A waiting-time question has no options: its points come from the waiting bands.',
  OPTIONS_REQUIRED: 'A choice, yes/no, scale or NPS question needs options.',
  OPTION_POINTS_REQUIRED: 'Options of a scored question need points.',
  ZERO_POINT_OPTION_REQUIRED: 'A scored question needs an option with 0 points (its worst answer).',
  UNSCORED_OPTION_HAS_POINTS: 'Options of an unscored question have no points.',
  CX_OUTSIDE_SEPARATE_INDEX: 'A CX question sits in a separate-index area.',
  BONUS_NOT_SCORED: 'A bonus question must be scored.',
  CRITICAL_NOT_SCORED: 'A critical question must be scored.',
  // Publishing (warnings: they do not stop a save, they are listed before publishing).
  MISSING_TRANSLATION: 'The text is missing in one of the edition’s languages (params.locale).',
} as const;

export type DefinitionIssueCode = keyof typeof DEFINITION_ISSUE_RULES;
export const DEFINITION_ISSUE_CODES = Object.keys(DEFINITION_ISSUE_RULES) as DefinitionIssueCode[];
