import { useMemo, useState } from 'react';
import { formatScore } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { Badge } from '../../ui/Badge';
import { type Column, DataTable } from '../../ui/DataTable';
import { Checkbox } from '../../ui/Field';
import { type WhatIfData, type WhatIfRow, winnerLines } from './whatIfRows';
import './WhatIf.css';

/** An edition as scored beside the same evaluations under another edition's rules, with rank changes. */
export function WhatIfView({ data }: { data: WhatIfData }) {
  const { t, locale } = useI18n();
  const [onlyMoved, setOnlyMoved] = useState(false);
  const rows = useMemo(
    () => data.companies.filter((row) => !onlyMoved || (row.positionChange ?? 0) !== 0),
    [data.companies, onlyMoved],
  );
  const signed = (value: number | null) =>
    value === null
      ? '–'
      : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatScore(Math.abs(value), locale)}`;

  const columns: Column<WhatIfRow>[] = [
    {
      key: 'positionAsScored',
      header: t('whatIf.positionAsScored'),
      value: (row) => row.positionAsScored,
      align: 'end',
    },
    { key: 'name', header: t('results.company'), value: (row) => row.name },
    { key: 'industry', header: t('results.industry'), value: (row) => row.industryName },
    {
      key: 'asScored',
      header: t('whatIf.asScored', { edition: data.editionKey }),
      value: (row) => row.asScored,
      render: (row) => formatScore(row.asScored, locale),
      align: 'end',
    },
    {
      key: 'whatIf',
      header: t('whatIf.underRules', { edition: data.rulesEditionKey }),
      value: (row) => row.whatIf,
      render: (row) => formatScore(row.whatIf, locale),
      align: 'end',
    },
    {
      key: 'delta',
      header: t('whatIf.delta'),
      value: (row) => row.delta,
      render: (row) => (
        <span className={(row.delta ?? 0) > 0 ? 'diff-up' : (row.delta ?? 0) < 0 ? 'diff-down' : 'muted'}>
          {signed(row.delta)}
        </span>
      ),
      align: 'end',
    },
    {
      key: 'positionWhatIf',
      header: t('whatIf.positionWhatIf'),
      value: (row) => row.positionWhatIf,
      align: 'end',
    },
    {
      key: 'positionChange',
      header: t('whatIf.rankChange'),
      value: (row) => row.positionChange,
      render: (row) => <RankChange change={row.positionChange} />,
      align: 'end',
    },
  ];

  const winners = winnerLines(data);
  const { report } = data;
  const reportLines = [
    report.questionsDropped.length > 0 &&
      t('whatIf.questionsDropped', { keys: report.questionsDropped.join(', ') }),
    report.questionsNotAsked.length > 0 &&
      t('whatIf.questionsNotAsked', { keys: report.questionsNotAsked.join(', ') }),
    report.evaluationsDropped > 0 && t('whatIf.evaluationsDropped', { count: report.evaluationsDropped }),
    ...report.optionsDropped.map((o) =>
      t('whatIf.optionDropped', { question: o.questionKey, option: o.optionKey, count: o.count }),
    ),
  ].filter((line): line is string => Boolean(line));

  return (
    <div className="stack">
      <p className="whatif-note" role="note">
        {t('whatIf.nothingStored', { edition: data.editionKey, rules: data.rulesEditionKey })}
      </p>
      <section className="card" aria-labelledby="whatif-winners">
        <h2 id="whatif-winners" className="card-title">
          {t('whatIf.winners')}
        </h2>
        <ul className="whatif-winners">
          {winners.map((line) => (
            <li key={line.key}>
              <strong>{line.label === 'overall' ? t('whatIf.overallWinner') : line.label}</strong>:{' '}
              {line.asScored ?? '–'} → {line.whatIf ?? '–'}{' '}
              {line.changed ? (
                <Badge tone="warning">{t('whatIf.changed')}</Badge>
              ) : (
                <Badge>{t('whatIf.same')}</Badge>
              )}
            </li>
          ))}
        </ul>
      </section>
      {reportLines.length > 0 && (
        <section className="card" aria-labelledby="whatif-report">
          <h2 id="whatif-report" className="card-title">
            {t('whatIf.reportTitle')}
          </h2>
          <ul>
            {reportLines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      )}
      <Checkbox
        label={t('whatIf.onlyMoved')}
        checked={onlyMoved}
        onChange={(event) => setOnlyMoved(event.target.checked)}
      />
      <DataTable
        caption={t('whatIf.caption', { edition: data.editionKey, rules: data.rulesEditionKey })}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.companyKey}
        initialSort={{ key: 'positionAsScored', direction: 'asc' }}
        csvFilename={`${data.editionKey}-under-${data.rulesEditionKey}.csv`}
      />
    </div>
  );
}

function RankChange({ change }: { change: number | null }) {
  const { t } = useI18n();
  if (change === null) return <span className="muted">–</span>;
  if (change === 0) return <span className="muted">±0</span>;
  const label = change > 0 ? t('whatIf.up', { count: change }) : t('whatIf.down', { count: -change });
  return (
    <span className={change > 0 ? 'diff-up' : 'diff-down'} title={label}>
      <span aria-hidden="true">{change > 0 ? `▲ ${change}` : `▼ ${-change}`}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
