import { useState } from 'react';
import { useClient, useMutation } from 'urql';
import { readUpload, saveFile } from '../../adapters/files';
import { mutationOutcome } from '../../api/outcome';
import { ImportTranslationsMutation, TranslationExportQuery } from '../../api/translations';
import type {
  ImportTranslationsMutation as ImportResult,
  TranslationFileFormat,
} from '../../generated/gql/graphql';
import { useI18n } from '../../i18n/I18nProvider';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DataTable } from '../../ui/DataTable';
import { SelectField } from '../../ui/Field';
import { ErrorState } from '../../ui/StateViews';
import { useToast } from '../../ui/Toasts';
import '../import/Import.css';

type Report = Extract<ImportResult['importTranslations'], { __typename: 'TranslationImportReport' }>;
type RowIssue = Report['unknownRows'][number] & { problem: string };

interface TranslationsScreenProps {
  editionKey: string;
  editionStatus: string;
  /** Admins import (writes need a draft edition). */
  canImport: boolean;
}

/** Export an edition's texts for translators (CSV/XLSX) and read the edited file back with its report. */
export function TranslationsScreen({ editionKey, editionStatus, canImport }: TranslationsScreenProps) {
  const { t } = useI18n();
  const client = useClient();
  const notify = useToast();
  const [format, setFormat] = useState<TranslationFileFormat>('xlsx');
  const [exporting, setExporting] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [{ fetching }, importTranslations] = useMutation(ImportTranslationsMutation);
  const draft = editionStatus === 'draft';

  const download = async () => {
    setExporting(true);
    setFailure(null);
    const result = await client
      .query(TranslationExportQuery, { editionKey, format }, { requestPolicy: 'network-only' })
      .toPromise();
    setExporting(false);
    const exported = result.data?.translationExport;
    if (exported) {
      saveFile(exported.content, exported.encoding, exported.filename, exported.mimeType);
      notify(t('translations.exported', { count: exported.texts }));
    } else setFailure(result.error?.message ?? t('state.errorBody'));
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setFailure(null);
    setConfirming(false);
    try {
      const upload = await readUpload(file);
      const result = await importTranslations({
        editionKey,
        format: upload.format,
        content: upload.content,
        dryRun,
      });
      const outcome = mutationOutcome(
        result.data?.importTranslations,
        'TranslationImportReport',
        result.error,
      );
      if (outcome.ok) {
        setReport(outcome.data);
        if (outcome.data.applied) notify(t('translations.applied', { count: outcome.data.changed.length }));
      } else {
        const details = outcome.error.fieldErrors.map((e) => e.message);
        setFailure([outcome.error.message, ...details].filter(Boolean).join(' · '));
      }
    } catch (error) {
      setFailure((error as Error).message);
    }
  };

  const issues: RowIssue[] = report
    ? [
        ...report.unknownRows.map((row) => ({ ...row, problem: t('translations.unknown') })),
        ...report.duplicateRows.map((row) => ({ ...row, problem: t('translations.duplicate') })),
        ...report.unreadableRows.map((row) => ({ ...row, problem: t('translations.unreadable') })),
      ]
    : [];

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="tr-export-title">
        <h2 id="tr-export-title" className="card-title">
          {t('translations.exportTitle')}
        </h2>
        <p className="muted">{t('translations.exportBody')}</p>
        <div className="row import-row">
          <SelectField
            label={t('import.format')}
            value={format}
            options={[
              { value: 'xlsx', label: 'Excel (XLSX)' },
              { value: 'csv', label: 'CSV' },
            ]}
            onChange={(event) => setFormat(event.target.value as TranslationFileFormat)}
          />
          <Button busy={exporting} onClick={download}>
            {t('translations.download')}
          </Button>
        </div>
      </section>

      {canImport && (
        <section className="card stack" aria-labelledby="tr-import-title">
          <h2 id="tr-import-title" className="card-title">
            {t('translations.importTitle')}
          </h2>
          {!draft && <p className="muted">{t('translations.readOnly')}</p>}
          <div className="field">
            <label className="field-label" htmlFor="translations-file">
              {t('import.chooseFile')}
            </label>
            <input
              id="translations-file"
              type="file"
              accept=".csv,.xlsx"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setReport(null);
                setFailure(null);
              }}
            />
          </div>
          <div className="row">
            <Button disabled={!file} busy={fetching && !confirming} onClick={() => send(true)}>
              {t('translations.check')}
            </Button>
            <Button
              variant="primary"
              disabled={!file || !draft || !report?.dryRun || report.changed.length === 0}
              onClick={() => setConfirming(true)}
            >
              {t('translations.apply')}
            </Button>
          </div>
          {failure && <ErrorState message={failure} />}
        </section>
      )}

      {report && (
        <section className="card stack" aria-labelledby="tr-report-title" aria-live="polite">
          <h2 id="tr-report-title" className="card-title">
            {report.applied ? t('translations.reportApplied') : t('translations.reportDryRun')}
          </h2>
          <p>
            <Badge tone={report.changed.length ? 'info' : 'neutral'}>
              {t('translations.changedCount', { count: report.changed.length })}
            </Badge>{' '}
            <Badge tone={report.missing.length ? 'warning' : 'success'}>
              {t('translations.missingCount', { count: report.missing.length })}
            </Badge>{' '}
            {issues.length > 0 && (
              <Badge tone="danger">{t('translations.issueCount', { count: issues.length })}</Badge>
            )}
          </p>
          <h3 className="section-title">{t('translations.changedTitle')}</h3>
          <DataTable
            caption={t('translations.changedTitle')}
            columns={[
              { key: 'key', header: t('translations.key'), value: (c) => c.key },
              { key: 'locale', header: t('translations.locale'), value: (c) => c.locale },
              { key: 'before', header: t('translations.before'), value: (c) => c.before ?? '' },
              { key: 'after', header: t('translations.after'), value: (c) => c.after },
            ]}
            rows={report.changed}
            rowKey={(c) => `${c.key}:${c.locale}`}
            emptyText={t('translations.noneChanged')}
          />
          <h3 className="section-title">{t('translations.missingTitle')}</h3>
          <DataTable
            caption={t('translations.missingTitle')}
            columns={[
              { key: 'key', header: t('translations.key'), value: (m) => m.key },
              { key: 'locale', header: t('translations.locale'), value: (m) => m.locale },
              { key: 'context', header: t('translations.context'), value: (m) => m.context },
            ]}
            rows={report.missing}
            rowKey={(m) => `${m.key}:${m.locale}`}
            emptyText={t('translations.noneMissing')}
            csvFilename={`${editionKey}-missing-translations.csv`}
          />
          {issues.length > 0 && (
            <>
              <h3 className="section-title">{t('translations.issuesTitle')}</h3>
              <DataTable
                caption={t('translations.issuesTitle')}
                columns={[
                  { key: 'line', header: t('translations.line'), value: (r) => r.line, align: 'end' },
                  { key: 'key', header: t('translations.key'), value: (r) => r.key },
                  { key: 'problem', header: t('translations.problem'), value: (r) => r.problem },
                  { key: 'message', header: t('import.message'), value: (r) => r.message },
                ]}
                rows={issues}
                rowKey={(r) => `${r.line}:${r.key}:${r.problem}`}
                initialSort={{ key: 'line', direction: 'asc' }}
              />
            </>
          )}
        </section>
      )}

      <ConfirmDialog
        open={confirming}
        title={t('translations.applyTitle', { edition: editionKey })}
        confirmLabel={t('translations.apply')}
        busy={fetching}
        onConfirm={() => send(false)}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('translations.applyBody', { count: report?.changed.length ?? 0 })}</p>
      </ConfirmDialog>
    </div>
  );
}
