import type { FieldworkProblemCode } from '@ksp/domain';

/**
 * The field-work file's own problems in both languages, one per code (the domain's FIELDWORK_PROBLEM_CODES: a
 * missing one fails the type check), and the import's failures of the request as a whole. Placeholders are the
 * problem's params; problems of the evaluation check are worded by the observer form's `evaluationIssue.*`.
 * Spread into src/i18n/nb.ts and en.ts.
 */
type ProblemMessages = Record<`importProblem.${FieldworkProblemCode}`, string>;

const problemsNb: ProblemMessages = {
  'importProblem.DUPLICATE_COLUMN': 'Kolonnen «{column}» står mer enn én gang i overskriftsraden.',
  'importProblem.UNKNOWN_COLUMN':
    'Ukjent kolonne «{column}»: verken en feltarbeidskolonne eller et spørsmål eller område i {editionKey}.',
  'importProblem.MISSING_COLUMN': 'Den obligatoriske kolonnen «{column}» mangler.',
  'importProblem.CELL_WITHOUT_HEADER': 'Celle {cell} har en verdi, men kolonnen har ingen overskrift.',
  'importProblem.CONTACT_ID_EMPTY': 'Kontakt-ID-en er tom.',
  'importProblem.DUPLICATE_CONTACT_ID': 'Kontakt-ID-en «{value}» er allerede brukt på rad {firstRow}.',
  'importProblem.CONTACT_TIME_EMPTY': 'Kontakttidspunktet er tomt.',
  'importProblem.INVALID_DATE_TIME':
    '«{value}» er ikke et tidspunkt med tidssone etter ISO 8601 (for eksempel {example}).',
  'importProblem.INVALID_YES_NO': '«{value}» er verken ja eller nei.',
  'importProblem.INVALID_WAITING_TIME':
    'Ventetiden «{value}» er ikke en varighet: bruk ISO 8601 (PT3M20S, P2D) eller et antall {unit}.',
  'importProblem.FILE_EMPTY': 'Filen er tom: den trenger en overskriftsrad og kontaktrader.',
  'importProblem.FILE_UNREADABLE': 'Filen er ikke en Excel-arbeidsbok (XLSX) som kan leses.',
  'importProblem.FILE_TOO_LARGE': 'Excel-filen blir for stor når den pakkes ut, og ble avvist.',
  'importProblem.FILE_NOT_BASE64': 'Excel-filen kom ikke fram i riktig form. Last den opp på nytt.',
  'importProblem.FILE_CHANGED':
    'Filen ble endret mens den ble importert; ingenting er lagret. Importer den på nytt.',
};

const problemsEn: ProblemMessages = {
  'importProblem.DUPLICATE_COLUMN': 'The column “{column}” appears more than once in the header row.',
  'importProblem.UNKNOWN_COLUMN':
    'Unknown column “{column}”: not a field-work column, nor a question or area of {editionKey}.',
  'importProblem.MISSING_COLUMN': 'The required column “{column}” is missing.',
  'importProblem.CELL_WITHOUT_HEADER': 'Cell {cell} has a value, but its column has no header.',
  'importProblem.CONTACT_ID_EMPTY': 'The contact id is empty.',
  'importProblem.DUPLICATE_CONTACT_ID': 'The contact id “{value}” is already used on row {firstRow}.',
  'importProblem.CONTACT_TIME_EMPTY': 'The contact time is empty.',
  'importProblem.INVALID_DATE_TIME':
    '“{value}” is not an ISO 8601 date-time with a time zone (for example {example}).',
  'importProblem.INVALID_YES_NO': '“{value}” is neither yes nor no.',
  'importProblem.INVALID_WAITING_TIME':
    'The waiting time “{value}” is not a duration: use ISO 8601 (PT3M20S, P2D) or a number of {unit}.',
  'importProblem.FILE_EMPTY': 'The file is empty: it needs a header row and contact rows.',
  'importProblem.FILE_UNREADABLE': 'The file is not an Excel workbook (XLSX) that can be read.',
  'importProblem.FILE_TOO_LARGE': 'The Excel file is too large once unpacked, so it was refused.',
  'importProblem.FILE_NOT_BASE64': 'The Excel file did not arrive in the right form. Upload it again.',
  'importProblem.FILE_CHANGED':
    'The file changed while it was being imported; nothing was stored. Import it again.',
};

export const importProblemsNb = {
  ...problemsNb,
  'importProblem.unit.minutes': 'minutter',
  'importProblem.unit.workingDays': 'arbeidsdager',
  'importProblem.allowed': '{message} Tillatt: {allowed}.',
  'import.code': 'Kode',
  'import.failure.network': 'Fikk ikke kontakt med serveren. Sjekk nettverket og prøv igjen.',
  'import.failure.server': 'Serveren kunne ikke behandle forespørselen. Prøv igjen om litt.',
  'import.failure.forbidden': 'Du har ikke tilgang til å importere evalueringer.',
  'import.failure.notFound': 'Utgaven {edition} finnes ikke.',
  'import.failure.closed': 'Utgaven {edition} er avsluttet: evalueringene kan ikke lenger endres.',
  'import.failure.invalid': 'Forespørselen ble avvist. Velg filen på nytt og prøv igjen.',
  'import.failure.fileType': 'Velg en CSV- eller XLSX-fil.',
} as const;

export const importProblemsEn: Record<keyof typeof importProblemsNb, string> = {
  ...problemsEn,
  'importProblem.unit.minutes': 'minutes',
  'importProblem.unit.workingDays': 'working days',
  'importProblem.allowed': '{message} Allowed: {allowed}.',
  'import.code': 'Code',
  'import.failure.network': 'Could not reach the server. Check the network and try again.',
  'import.failure.server': 'The server could not handle the request. Try again in a moment.',
  'import.failure.forbidden': 'You are not allowed to import evaluations.',
  'import.failure.notFound': 'The edition {edition} does not exist.',
  'import.failure.closed': 'The edition {edition} is closed: its evaluations can no longer change.',
  'import.failure.invalid': 'The request was refused. Choose the file again and retry.',
  'import.failure.fileType': 'Choose a CSV or XLSX file.',
};
