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
          this.responseText = JSON.stringify({ data: { importEvaluations: answer(variables) } });
          this.onload?.();
        });
      }, 0);
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return sent;
}

const report = (dryRun: boolean, problems: Array<{ row: number; column: string; message: string }>) => ({
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
