import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { base64FromBytes, bytesFromBase64, formatOfFileName, readUpload } from '../src/adapters/files';
import { ImportScreen } from '../src/features/import/ImportScreen';
import {
  IDLE_PROGRESS,
  progressAfter,
  progressFromServer,
  stepStates,
} from '../src/features/import/importSteps';
import { TranslationsScreen } from '../src/features/translations/TranslationsScreen';
import { fakeGraphql, renderWithApi } from './fakeGraphql';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('files', () => {
  it('knows CSV and XLSX by name and round-trips bytes through base64', async () => {
    expect([formatOfFileName('a.CSV'), formatOfFileName('b.xlsx'), formatOfFileName('c.pdf')]).toEqual([
      'csv',
      'xlsx',
      null,
    ]);
    const bytes = new Uint8Array(70_000).map((_, i) => i % 256);
    expect(bytesFromBase64(base64FromBytes(bytes))).toEqual(bytes);
    const xlsx = new File([new Uint8Array([80, 75, 3, 4])], 'f.xlsx');
    expect(await readUpload(xlsx)).toEqual({ format: 'xlsx', content: 'UEsDBA==' });
    await expect(readUpload(new File(['x'], 'f.pdf'))).rejects.toThrow('not a CSV or XLSX file');
  });
});

describe('import progress', () => {
  it('goes read → upload (percent) → server checking and writing (rows) → done', () => {
    const uploading = progressAfter(IDLE_PROGRESS, { phase: 'uploading', sent: 250, total: 1000 });
    expect(uploading).toMatchObject({ step: 'upload', percent: 25 });
    expect(stepStates(uploading)).toEqual([
      ['read', 'done'],
      ['upload', 'active'],
      ['check', 'waiting'],
      ['write', 'waiting'],
      ['done', 'waiting'],
    ]);
    const sent = progressAfter(uploading, { phase: 'processing' });
    expect(sent.step).toBe('check');
    const writing = progressFromServer(sent, { phase: 'writing', rows: 40, totalRows: 100 });
    expect(writing).toMatchObject({ step: 'write', rows: 40, totalRows: 100 });
    // A late upload event does not move the server's step back.
    expect(progressAfter(writing, { phase: 'processing' }).step).toBe('write');
    expect(stepStates({ ...writing, failed: true })[3]).toEqual(['write', 'failed']);
    const done = { ...writing, step: 'done' as const };
    expect(progressFromServer(done, { phase: 'checking', rows: 1 })).toBe(done);
    expect(stepStates(done).every(([, state]) => state === 'done')).toBe(true);
  });
});

type Report = Record<string, unknown>;

/** XMLHttpRequest that reports upload progress in two steps, then answers with the import report. */
function fakeXhr(answer: (variables: Record<string, unknown>) => Report, hold?: Promise<void>) {
  const sent: Array<Record<string, unknown>> = [];
  class FakeXhr {
    upload: { onprogress: ((e: ProgressEvent) => void) | null; onload: (() => void) | null } = {
      onprogress: null,
      onload: null,
    };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    responseText = '';
    status = 200;
    headers: Record<string, string> = {};
    open() {}
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    send(body: string) {
      const { variables } = JSON.parse(body);
      sent.push({ ...variables, authorization: this.headers.authorization });
      setTimeout(() => {
        this.upload.onprogress?.({ loaded: 50, total: 100, lengthComputable: true } as ProgressEvent);
        this.upload.onprogress?.({ loaded: 100, total: 100, lengthComputable: true } as ProgressEvent);
        this.upload.onload?.();
        void (hold ?? Promise.resolve()).then(() => {
          const answered = answer(variables);
          if ('__network' in answered) return this.onerror?.();
          // `__response` answers with that whole body (e.g. GraphQL errors) instead of a result.
          this.responseText = JSON.stringify(
            '__response' in answered ? answered.__response : { data: { importEvaluations: answered } },
          );
          this.onload?.();
        });
      }, 0);
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return sent;
}

type Problem = {
  row: number;
  column: string;
  message: string;
  code?: string | null;
  params?: Array<{ name: string; value: string }>;
};

const report = (dryRun: boolean, problems: Problem[]) => ({
  __typename: 'EvaluationImportReport',
  dryRun,
  rows: 3,
  inserted: problems.length ? 0 : 2,
  skipped: problems.length ? 0 : 1,
  written: !dryRun && problems.length === 0,
  problemCount: problems.length,
  truncated: false,
  problems,
});

describe('ImportScreen', () => {
  it('reports problems by row and column on a dry run and keeps Import disabled', async () => {
    fakeGraphql({});
    fakeXhr(() =>
      report(true, [{ row: 3, column: 'q_greet', message: 'option "maybe" is not in the list' }]),
    );
    renderWithApi(<ImportScreen editionKey="KSP24" token="ses_test" />, { locale: 'nb' });
    await userEvent.upload(
      screen.getByLabelText('Velg fil'),
      new File(['contact_id,company\nK1,a\n'], 'felt.csv', { type: 'text/csv' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Kontroller (prøvekjøring)' }));
    const table = await screen.findByRole('table', { name: 'Feil i filen etter rad og kolonne' });
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', 'q_greet', 'option "maybe" is not in the list']);
    expect(screen.getByText('1 feil må rettes. Ingenting er lagret.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Importer' }) as HTMLButtonElement).disabled).toBe(true);
  });

  const codedProblems: Problem[] = [
    {
      row: 1,
      column: 'contacted_at',
      message: 'missing required column "contacted_at"',
      code: 'MISSING_COLUMN',
      params: [{ name: 'column', value: 'contacted_at' }],
    },
    {
      row: 4,
      column: 'waiting_time',
      message: 'waiting time "about 3" is not a duration: use ISO 8601 (PT3M20S, P2D) or a number of minutes',
      code: 'INVALID_WAITING_TIME',
      params: [
        { name: 'column', value: 'waiting_time' },
        { name: 'value', value: 'about 3' },
        { name: 'unit', value: 'minutes' },
      ],
    },
    {
      row: 5,
      column: 'q_greet',
      message: 'option "maybe" is not an option of question "q_greet"; allowed: yes, no',
      code: 'UNKNOWN_OPTION',
      params: [
        { name: 'questionKey', value: 'q_greet' },
        { name: 'allowed', value: 'yes, no' },
      ],
    },
  ];

  const checkWith = async (problems: Problem[], locale: 'nb' | 'en') => {
    fakeGraphql({});
    fakeXhr(() => report(true, problems));
    renderWithApi(<ImportScreen editionKey="KSP24" token="ses_test" />, { locale });
    await userEvent.upload(
      screen.getByLabelText(locale === 'nb' ? 'Velg fil' : 'Choose a file'),
      new File(['contact_id\nK1\n'], 'felt.csv', { type: 'text/csv' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: locale === 'nb' ? 'Kontroller (prøvekjøring)' : 'Check (dry run)' }),
    );
    const table = await screen.findByRole('table', {
      name: locale === 'nb' ? 'Feil i filen etter rad og kolonne' : 'Problems in the file by row and column',
    });
    return within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
  };

  it('words coded problems from their code and params in Norwegian, with row and column', async () => {
    expect(await checkWith(codedProblems, 'nb')).toEqual([
      ['1', 'contacted_at', 'Den obligatoriske kolonnen «contacted_at» mangler.'],
      [
        '4',
        'waiting_time',
        'Ventetiden «about 3» er ikke en varighet: bruk ISO 8601 (PT3M20S, P2D) eller et antall minutter.',
      ],
      ['5', 'q_greet', 'Svaralternativet finnes ikke. Tillatt: yes, no.'],
    ]);
    // The summary of problems takes the focus.
    expect(document.activeElement?.textContent).toBe('3 feil må rettes. Ingenting er lagret.');
  });

  it('words the same problems in English, and the CSV download keeps the code next to the worded message', async () => {
    const blobs: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: vi.fn((blob: Blob) => {
          blobs.push(blob);
          return 'blob:problems';
        }),
        revokeObjectURL: vi.fn(),
      }),
    );
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    expect(await checkWith(codedProblems, 'en')).toEqual([
      ['1', 'contacted_at', 'The required column “contacted_at” is missing.'],
      [
        '4',
        'waiting_time',
        'The waiting time “about 3” is not a duration: use ISO 8601 (PT3M20S, P2D) or a number of minutes.',
      ],
      ['5', 'q_greet', 'The option does not exist. Allowed: yes, no.'],
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    const csv = await (blobs[0] as Blob).text();
    expect(csv).toContain('Row,Column,Message,Code');
    expect(csv).toContain('1,contacted_at,The required column “contacted_at” is missing.,MISSING_COLUMN');
  });

  it('words failures of the whole request: GraphQL errors, typed errors, a network failure', async () => {
    fakeGraphql({});
    const answers: Array<Record<string, unknown>> = [
      { __response: { errors: [{ message: '[GraphQL] Unexpected error.' }] } },
      { __typename: 'NotFoundError', message: 'Edition "KSP24" was not found.', key: 'KSP24' },
      {
        __typename: 'ReadOnlyEditionError',
        message: 'Edition KSP24 is closed.',
        editionKey: 'KSP24',
        status: 'closed',
      },
      { __typename: 'ForbiddenError', message: 'Your role does not allow this.' },
      {
        __typename: 'ValidationError',
        message: 'The input is not valid: content: an XLSX file must be sent as base64',
        fieldErrors: [
          {
            path: 'content',
            message: 'an XLSX file must be sent as base64',
            code: 'FILE_NOT_BASE64',
            params: [],
          },
        ],
      },
      { __network: true },
    ];
    fakeXhr(() => answers.shift() as Report);
    renderWithApi(<ImportScreen editionKey="KSP24" token="ses_test" />, { locale: 'nb' });
    const input = screen.getByLabelText('Velg fil');
    await userEvent.upload(input, new File(['contact_id\nK1\n'], 'felt.csv'));
    const check = screen.getByRole('button', { name: 'Kontroller (prøvekjøring)' });
    for (const expected of [
      'Serveren kunne ikke behandle forespørselen. Prøv igjen om litt.',
      'Utgaven KSP24 finnes ikke.',
      'Utgaven KSP24 er avsluttet: evalueringene kan ikke lenger endres.',
      'Du har ikke tilgang til å importere evalueringer.',
      'Excel-filen kom ikke fram i riktig form. Last den opp på nytt.',
      'Fikk ikke kontakt med serveren. Sjekk nettverket og prøv igjen.',
    ]) {
      await userEvent.click(check);
      const alert = await screen.findByText(expected);
      expect(alert.closest('[role="alert"]')?.textContent).not.toContain('[GraphQL]');
      // The file field is marked and focused.
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(input);
    }
  });

  it('imports a clean file after the dry run, with upload progress, phases and counts', async () => {
    fakeGraphql({});
    const sent = fakeXhr((variables) => report(Boolean(variables.dryRun), []));
    renderWithApi(<ImportScreen editionKey="KSP24" token="ses_test" />);
    await userEvent.upload(
      screen.getByLabelText('Choose a file'),
      new File(['contact_id\nK1\n'], 'felt.csv'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    expect(await screen.findByText('No problems: the file can be imported.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('heading', { name: 'The import is done' })).toBeTruthy();
    const counts = screen.getByText('Added').closest('div') as HTMLElement;
    expect(within(counts).getByText('2')).toBeTruthy();
    expect(
      within(screen.getByText('Skipped (already stored)').closest('div') as HTMLElement).getByText('1'),
    ).toBeTruthy();
    const steps = screen.getByRole('status');
    expect(within(steps).getAllByText('(done)', { exact: false })).toHaveLength(5);
    expect(typeof sent[0]?.progressId).toBe('string');
    expect(sent.map((v) => [v.dryRun, v.format, v.content, v.authorization])).toEqual([
      [true, 'CSV', 'contact_id\nK1\n', 'Bearer ses_test'],
      [false, 'CSV', 'contact_id\nK1\n', 'Bearer ses_test'],
    ]);
  });

  it('shows the server’s rows while it checks and writes (polled by progress id)', async () => {
    const { calls } = fakeGraphql({
      ImportProgress: () => ({
        evaluationImportProgress: {
          __typename: 'EvaluationImportProgress',
          phase: 'writing',
          rows: 40,
          totalRows: 100,
          finished: false,
        },
      }),
    });
    let release = () => {};
    const sent = fakeXhr(
      (variables) => report(Boolean(variables.dryRun), []),
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    renderWithApi(<ImportScreen editionKey="KSP24" token="ses_test" />);
    await userEvent.upload(
      screen.getByLabelText('Choose a file'),
      new File(['contact_id\nK1\n'], 'felt.csv'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    expect(await screen.findByText(/Storing: 40 of 100 rows/, {}, { timeout: 3000 })).toBeTruthy();
    expect(calls.find((c) => c.operationName === 'ImportProgress')?.variables).toEqual({
      progressId: sent[0]?.progressId,
    });
    release();
    expect(await screen.findByText('No problems: the file can be imported.')).toBeTruthy();
  });

  it('downloads the template the API generates', async () => {
    const { calls } = fakeGraphql({
      ImportTemplate: () => ({
        evaluationImportTemplate: {
          __typename: 'EvaluationImportTemplate',
          content: 'contact_id,company\n',
          encoding: 'utf8',
          fileName: 'KSP24-fieldwork.csv',
          mediaType: 'text/csv',
        },
      }),
    });
    const createObjectURL = vi.fn(() => 'blob:template');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderWithApi(<ImportScreen editionKey="KSP24" token="ses_test" />);
    await userEvent.selectOptions(screen.getByLabelText('Format'), 'CSV');
    await userEvent.click(screen.getByRole('button', { name: 'Download template' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(calls[0]?.variables).toEqual({ editionKey: 'KSP24', format: 'CSV' });
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('KSP24-fieldwork.csv');
  });
});

const translationReport = (dryRun: boolean) => ({
  importTranslations: {
    __typename: 'TranslationImportReport',
    applied: !dryRun,
    dryRun,
    editionVersion: 5,
    changed: [
      {
        __typename: 'TranslationChange',
        key: 'question/q_greet#text',
        locale: 'en',
        before: null,
        after: 'Did they greet you?',
      },
    ],
    missing: [
      {
        __typename: 'MissingTranslation',
        key: 'area/agent#name',
        locale: 'en',
        context: 'Område: Kundebehandleren',
      },
    ],
    unknownRows: [
      { __typename: 'TranslationFileRowIssue', line: 7, key: 'question/gone#text', message: 'no such text' },
    ],
    duplicateRows: [],
    unreadableRows: [],
  },
});

describe('TranslationsScreen', () => {
  it('shows changed and missing texts and unused rows, and stores a draft’s changes after confirmation', async () => {
    const { calls } = fakeGraphql({ ImportTranslations: (v) => translationReport(Boolean(v.dryRun)) });
    renderWithApi(<TranslationsScreen editionKey="KSP25" editionStatus="draft" canImport />);
    await userEvent.upload(
      screen.getByLabelText('Choose a file'),
      new File(['key,context,nb,en\n'], 'tekster.csv'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    const changed = await screen.findByRole('table', { name: 'Changed texts' });
    expect(within(changed).getByText('Did they greet you?')).toBeTruthy();
    expect(
      within(screen.getByRole('table', { name: 'Still without a translation' })).getByText(
        'Område: Kundebehandleren',
      ),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('table', { name: 'Rows not used' })).getByText('Unknown key'),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Store the translations' }));
    await userEvent.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Store the translations' }),
    );
    expect(await screen.findByRole('heading', { name: 'What changed' })).toBeTruthy();
    expect(calls.map((c) => [c.operationName, c.variables.dryRun, c.variables.format])).toEqual([
      ['ImportTranslations', true, 'csv'],
      ['ImportTranslations', false, 'csv'],
    ]);
  });

  it('only checks files for editions that are not drafts', async () => {
    fakeGraphql({ ImportTranslations: (v) => translationReport(Boolean(v.dryRun)) });
    renderWithApi(<TranslationsScreen editionKey="KSP24" editionStatus="published" canImport />);
    expect(screen.getByText('The edition is not a draft: the file can be checked, not stored.')).toBeTruthy();
    await userEvent.upload(screen.getByLabelText('Choose a file'), new File(['key\n'], 't.csv'));
    await userEvent.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    await screen.findByRole('table', { name: 'Changed texts' });
    expect(
      (screen.getByRole('button', { name: 'Store the translations' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('exports the texts as the API sends them (analysts see no import)', async () => {
    const { calls } = fakeGraphql({
      TranslationExport: () => ({
        translationExport: {
          __typename: 'TranslationFile',
          content: 'UEsDBA==',
          encoding: 'base64',
          filename: 'KSP24-texts.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          texts: 120,
        },
      }),
    });
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }),
    );
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderWithApi(<TranslationsScreen editionKey="KSP24" editionStatus="published" canImport={false} />);
    expect(screen.queryByLabelText('Choose a file')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Download the texts' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(calls[0]?.variables).toEqual({ editionKey: 'KSP24', format: 'xlsx' });
    expect(await screen.findByText('120 texts downloaded.')).toBeTruthy();
  });
});
