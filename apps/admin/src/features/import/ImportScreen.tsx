import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { readUpload, saveFile } from '../../adapters/files';
import {
  ImportEvaluationsMutation,
  ImportProgressQuery,
  ImportTemplateQuery,
  requestWithProgress,
} from '../../api/fieldworkImport';
import { mutationOutcome } from '../../api/outcome';
import type { ImportFormat, ImportEvaluationsMutation as ImportResult } from '../../generated/gql/graphql';
import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nb';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { DataTable } from '../../ui/DataTable';
import { SelectField } from '../../ui/Field';
import { ErrorState } from '../../ui/StateViews';
import {
  IDLE_PROGRESS,
  type ImportProgress,
  progressAfter,
  progressFromServer,
  stepStates,
} from './importSteps';
import { type ImportFailure, importFailureText, importProblemText, paramsOf } from './problemText';
import './Import.css';

type Report = Extract<ImportResult['importEvaluations'], { __typename: 'EvaluationImportReport' }>;
type Problem = Report['problems'][number];

interface ImportScreenProps {
  editionKey: string;
  /** The session's bearer token (the import goes through XMLHttpRequest for upload progress). */
  token: string | null;
}

/**
 * Field-work import: download the edition's template, choose a file, check it (dry run: the report lists every
 * problem by row and column), then import with progress (reading, upload %, server check and write) and counts.
 */
export function ImportScreen({ editionKey, token }: ImportScreenProps) {
  const { t, locale } = useI18n();
  const client = useClient();
  const [templateFormat, setTemplateFormat] = useState<ImportFormat>('XLSX');
  const [templateBusy, setTemplateBusy] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const progressId = useRef<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const problemsSummary = useRef<HTMLParagraphElement>(null);
  const problemText = (p: Problem) =>
    importProblemText(t, { message: p.message, code: p.code, path: p.path, params: paramsOf(p.params) });
  // A request that failed marks the file field and puts the focus on it; a report with problems takes the focus
  // to its summary, before the table of problems.
  useEffect(() => {
    if (failure) fileInput.current?.focus();
  }, [failure]);
  useEffect(() => {
    if (report && report.problemCount > 0) problemsSummary.current?.focus();
  }, [report]);
  const serverWorking = progress?.step === 'check' || progress?.step === 'write';

  // While the server checks and writes, ask it how far it is (`evaluationImportProgress`) twice a second.
  useEffect(() => {
    const id = progressId.current;
    if (!serverWorking || !id) return;
    const timer = setInterval(async () => {
      const result = await client
        .query(ImportProgressQuery, { progressId: id }, { requestPolicy: 'network-only' })
        .toPromise();
      const server = result.data?.evaluationImportProgress;
      if (server && progressId.current === id)
        setProgress((latest) => (latest ? progressFromServer(latest, server) : latest));
    }, 500);
    return () => clearInterval(timer);
  }, [serverWorking, client]);

  const downloadTemplate = async () => {
    setTemplateBusy(true);
    setFailure(null);
    const result = await client
      .query(ImportTemplateQuery, { editionKey, format: templateFormat }, { requestPolicy: 'network-only' })
      .toPromise();
    setTemplateBusy(false);
    const template = result.data?.evaluationImportTemplate;
    if (template?.__typename === 'EvaluationImportTemplate')
      saveFile(template.content, template.encoding, template.fileName, template.mediaType);
    else if (result.error) setFailure({ kind: result.error.networkError ? 'network' : 'server' });
    else setFailure(template ? { kind: 'typed', __typename: template.__typename } : { kind: 'server' });
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    setFailure(null);
    if (dryRun) setReport(null);
    let current: ImportProgress = { ...IDLE_PROGRESS };
    const update = (next: ImportProgress) => {
      current = next;
      setProgress(next);
    };
    update(current);
    const id = newProgressId();
    progressId.current = id;
    const upload = await readUpload(file).catch(() => null);
    if (!upload) {
      progressId.current = null;
      update({ ...current, failed: true });
      setFailure({ kind: 'fileType' });
      setBusy(null);
      return;
    }
    try {
      const response = await requestWithProgress(
        ImportEvaluationsMutation,
        {
          editionKey,
          format: upload.format === 'csv' ? 'CSV' : 'XLSX',
          content: upload.content,
          dryRun,
          progressId: id,
        },
        token,
        // A poll may have moved the step on already: build on the latest state, not on `current`.
        (event) =>
          setProgress((latest) => {
            current = progressAfter(latest ?? current, event);
            return current;
          }),
      );
      progressId.current = null;
      const result = response.data?.importEvaluations;
      const outcome = mutationOutcome(result, 'EvaluationImportReport');
      if (outcome.ok) {
        setReport(outcome.data);
        update({ ...current, step: 'done', percent: 100, failed: false });
      } else {
        update({ ...current, failed: true });
        setFailure(
          response.errors?.length || !result
            ? { kind: 'server' }
            : {
                kind: 'typed',
                __typename: outcome.error.__typename,
                editionKey:
                  'editionKey' in result ? result.editionKey : 'key' in result ? result.key : undefined,
                status: 'status' in result ? result.status : undefined,
                fieldErrors: outcome.error.fieldErrors,
              },
        );
      }
    } catch {
      // The request did not come back (network) or not as JSON.
      progressId.current = null;
      update({ ...current, failed: true });
      setFailure({ kind: 'network' });
    } finally {
      setBusy(null);
    }
  };

  const checkedClean = report?.dryRun === true && report.problemCount === 0;
  const imported = report !== null && !report.dryRun;

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="template-title">
        <h2 id="template-title" className="card-title">
          {t('import.templateTitle')}
        </h2>
        <p className="muted">{t('import.templateBody')}</p>
        <div className="row import-row">
          <SelectField
            label={t('import.format')}
            value={templateFormat}
            options={[
              { value: 'XLSX', label: 'Excel (XLSX)' },
              { value: 'CSV', label: 'CSV' },
            ]}
            onChange={(event) => setTemplateFormat(event.target.value as ImportFormat)}
          />
          <Button busy={templateBusy} onClick={downloadTemplate}>
            {t('import.downloadTemplate')}
          </Button>
        </div>
      </section>

      <section className="card stack" aria-labelledby="import-title">
        <h2 id="import-title" className="card-title">
          {t('import.fileTitle', { edition: editionKey })}
        </h2>
        <div className="field">
          <label className="field-label" htmlFor="import-file">
            {t('import.chooseFile')}
          </label>
          <input
            ref={fileInput}
            id="import-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={failure ? 'import-file-hint import-failure' : 'import-file-hint'}
            aria-invalid={failure ? true : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setReport(null);
              setProgress(null);
              setFailure(null);
            }}
          />
          <p id="import-file-hint" className="field-hint">
            {t('import.fileHint')}
          </p>
        </div>
        <div className="row">
          <Button disabled={!file || busy !== null} busy={busy === 'check'} onClick={() => run(true)}>
            {t('import.check')}
          </Button>
          <Button
            variant="primary"
            disabled={!file || !checkedClean || busy !== null}
            busy={busy === 'import'}
            onClick={() => run(false)}
          >
            {t('import.run')}
          </Button>
          {file && !checkedClean && !imported && <span className="muted">{t('import.checkFirst')}</span>}
        </div>
        {progress && <ProgressSteps progress={progress} />}
        {failure && (
          <div id="import-failure">
            <ErrorState message={importFailureText(t, failure, editionKey)} />
          </div>
        )}
      </section>

      {report && (
        <section className="card stack" aria-labelledby="report-title" aria-live="polite">
          <h2 id="report-title" className="card-title">
            {report.dryRun ? t('import.reportDryRun') : t('import.reportDone')}
          </h2>
          <dl className="import-counts">
            <Count label={t('import.rows')} value={formatNumber(report.rows, locale)} />
            <Count
              label={report.dryRun ? t('import.wouldInsert') : t('import.inserted')}
              value={formatNumber(report.inserted, locale)}
            />
            <Count label={t('import.skipped')} value={formatNumber(report.skipped, locale)} />
            <Count label={t('import.problems')} value={formatNumber(report.problemCount, locale)} />
          </dl>
          {report.problemCount === 0 ? (
            <p>
              <Badge tone="success">{report.dryRun ? t('import.clean') : t('import.written')}</Badge>
            </p>
          ) : (
            <>
              <p className="issues" role="alert" ref={problemsSummary} tabIndex={-1}>
                {t('import.nothingWritten', { count: report.problemCount })}
                {report.truncated && ` ${t('import.truncated', { shown: report.problems.length })}`}
              </p>
              <DataTable
                caption={t('import.problemsCaption')}
                columns={[
                  { key: 'row', header: t('import.row'), value: (p) => p.row, align: 'end' },
                  { key: 'column', header: t('import.column'), value: (p) => p.column || '–' },
                  { key: 'message', header: t('import.message'), value: problemText },
                  // The download keeps the code next to the worded message (for support and scripts).
                  { key: 'code', header: t('import.code'), value: (p) => p.code ?? '', exportOnly: true },
                ]}
                rows={report.problems}
                rowKey={(p) => `${p.row}:${p.column}:${p.code ?? ''}:${p.message}`}
                initialSort={{ key: 'row', direction: 'asc' }}
                csvFilename={`${editionKey}-import-problems.csv`}
              />
            </>
          )}
        </section>
      )}
    </div>
  );
}

function Count({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** Reading → upload (with a progress bar) → server check and write → done, announced politely. */
function ProgressSteps({ progress }: { progress: ImportProgress }) {
  const { t, locale } = useI18n();
  const rows = (count: number) => formatNumber(count, locale);
  return (
    <div className="import-progress" role="status" aria-live="polite">
      {progress.step === 'upload' && (
        <progress
          max={100}
          value={progress.percent ?? undefined}
          aria-label={t('import.uploadProgress')}
          className="import-bar"
        />
      )}
      <ol className="import-steps">
        {stepStates(progress).map(([step, state]) => (
          <li key={step} className={`import-step is-${state}`}>
            <span aria-hidden="true">
              {state === 'done' ? '✓' : state === 'failed' ? '✕' : state === 'active' ? '…' : '○'}
            </span>{' '}
            {t(`import.step.${step}` as MessageKey)}
            {step === 'upload' && state === 'active' && progress.percent !== null && ` ${progress.percent} %`}
            {(step === 'check' || step === 'write') &&
              state === 'active' &&
              progress.rows !== null &&
              `: ${
                progress.totalRows !== null
                  ? t('import.rowsOf', { rows: rows(progress.rows), total: rows(progress.totalRows) })
                  : t('import.rowsDone', { rows: rows(progress.rows) })
              }`}
            <span className="visually-hidden"> ({t(`import.state.${state}` as MessageKey)})</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** An id for `evaluationImportProgress`, random enough to be this import's own. */
function newProgressId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `import-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
