/**
 * Texts for shared places and winners that only key order would separate (issue 13; spread into
 * src/i18n/nb.ts and en.ts). The ranking rules are those of docs/scoring.md.
 */
export const tiesNb = {
  'ties.sharedPlace': '{position} (delt)',
  'ties.sharedPlaceTitle':
    'Delt plass med {companies}: like på alle rangeringsreglene. Rekkefølgen i listen er bare alfabetisk etter selskapsnøkkel.',
  'ties.sharedNote':
    'Delt plass: selskapene er like på totalresultat, score for besvarte, hovedområdet og antall besvarte kontakter. Ingen regel skiller dem; listen viser dem etter selskapsnøkkel, og neste plass hoppes over (1, 1, 3).',
  'ties.winnerBadge': 'Uavgjort: delt førsteplass',
  'ties.winnerBadgeTitle':
    'Like på alle rangeringsreglene: bare selskapsnøkkelens rekkefølge ville gitt én vinner. Juryen må avgjøre.',
  'ties.sharedWinnerOf': 'Delt førsteplass i {industry}: {companies}',
  'ties.sharedOverall': 'Delt førsteplass totalt: {companies}',
  'ties.notRecorded':
    'Denne versjonen ble lagret før delte plasser ble registrert; den viser ikke om en plass var delt.',
  'ties.change.shared': '{award}: delt førsteplass {before} → {after}',
} as const;

export const tiesEn: Record<keyof typeof tiesNb, string> = {
  'ties.sharedPlace': '{position} (shared)',
  'ties.sharedPlaceTitle':
    'Shared place with {companies}: equal on every ranking rule. The list order is only alphabetical by company key.',
  'ties.sharedNote':
    'Shared place: the companies are equal on Totalresultat, answered-only score, the headline area and answered contacts. No rule separates them; the list shows them by company key, and the next place is skipped (1, 1, 3).',
  'ties.winnerBadge': 'Tie: shared first place',
  'ties.winnerBadgeTitle':
    'Equal on every ranking rule: only company key order would name a single winner. The jury must decide.',
  'ties.sharedWinnerOf': 'Shared first place in {industry}: {companies}',
  'ties.sharedOverall': 'Shared first place overall: {companies}',
  'ties.notRecorded':
    'This revision was stored before shared places were recorded; it does not show whether a place was shared.',
  'ties.change.shared': '{award}: shared first place {before} → {after}',
};
