import { lazy, Suspense, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { comparableTrendPoints } from '../../adapters/trendFromApi';
import { ComparableTrendQuery } from '../../api/comparability';
import { formatScore } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nb';
import { Badge } from '../../ui/Badge';
import { Checkbox, SelectField } from '../../ui/Field';
import { ErrorState, Loading } from '../../ui/StateViews';
import '../../ui/DataTable.css';
import './Comparability.css';

const ComparableTrendChart = lazy(() => import('./ComparableTrendChart'));

type Subject = 'company' | 'industry' | 'overall';

interface ComparableTrendPanelProps {
  companyKey: string;
  companyName: string;
  industryKey: string | null;
  industryName: string | null;
}

/**
 * The trend over editions with like-for-like steps (comparableTrend): points that are not like-for-like are
 * flagged with the figures left out; toggles include non-comparable figures and switch averages from
 * companies in both editions to all companies.
 */
export function ComparableTrendPanel({
  companyKey,
  companyName,
  industryKey,
  industryName,
}: ComparableTrendPanelProps) {
  const { t, locale } = useI18n();
  const [subject, setSubject] = useState<Subject>('company');
  const [includeNonComparable, setIncludeNonComparable] = useState(false);
  const [allCompanies, setAllCompanies] = useState(false);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ComparableTrendQuery,
    variables: {
      companyKey: subject === 'company' ? companyKey : null,
      industryKey: subject === 'industry' ? industryKey : null,
      includeNonComparable,
      allCompanies: subject !== 'company' && allCompanies,
      locale,
    },
  });
  const outcome = data?.comparableTrend;
  const points = useMemo(
    () =>
      data && outcome?.__typename === 'ComparableTrend'
        ? comparableTrendPoints(outcome, data.editions)
        : null,
    [data, outcome],
  );
  const signed = (value: number | null) =>
    value === null
      ? '–'
      : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatScore(Math.abs(value), locale)}`;

  return (
    <section className="card stack trend-card" aria-labelledby="comparable-trend-title">
      <h2 id="comparable-trend-title" className="card-title">
        {t('trend.title')}
      </h2>
      <div className="trend-controls">
        <SelectField
          label={t('trend.subject')}
          value={subject}
          options={[
            { value: 'company', label: companyName },
            ...(industryKey
              ? [
                  {
                    value: 'industry',
                    label: t('trend.industryAverage', { industry: industryName ?? industryKey }),
                  },
                ]
              : []),
            { value: 'overall', label: t('trend.overall') },
          ]}
          onChange={(event) => setSubject(event.target.value as Subject)}
        />
        <Checkbox
          label={t('trend.includeNonComparable')}
          checked={includeNonComparable}
          onChange={(event) => setIncludeNonComparable(event.target.checked)}
        />
        <Checkbox
          label={t('trend.allCompanies')}
          checked={subject !== 'company' && allCompanies}
          disabled={subject === 'company'}
          onChange={(event) => setAllCompanies(event.target.checked)}
        />
      </div>
      {fetching && !data ? (
        <Loading />
      ) : error && !data ? (
        <ErrorState message={error.message} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : points ? (
        <>
          <Suspense fallback={<Loading />}>
            <ComparableTrendChart points={points} />
          </Suspense>
          <div className="table-scroll">
            <table className="table trend-steps">
              <caption className="visually-hidden">{t('trend.stepsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common.edition')}</th>
                  <th scope="col" className="align-end">
                    {t('results.total')}
                  </th>
                  <th scope="col" className="align-end">
                    {t('trend.delta')}
                  </th>
                  <th scope="col">{t('trend.likeForLike')}</th>
                  <th scope="col">{t('trend.companies')}</th>
                  <th scope="col">{t('trend.leftOut')}</th>
                </tr>
              </thead>
              <tbody>
                {points.map((point) => (
                  <tr key={point.editionKey}>
                    <th scope="row">{point.editionKey}</th>
                    <td className="align-end">{formatScore(point.total, locale)}</td>
                    <td className="align-end">{point.step ? signed(point.step.delta) : ''}</td>
                    <td>
                      {point.step &&
                        (point.step.comparable ? (
                          <Badge tone="success">{t('lineage.comparable')}</Badge>
                        ) : (
                          <Badge tone="danger">{t('changes.notLikeForLike')}</Badge>
                        ))}
                    </td>
                    <td>
                      {point.step &&
                        t(`trend.companies.${point.step.companies}` as MessageKey, {
                          baseline: point.step.nBaseline,
                          current: point.step.nCurrent,
                        })}
                    </td>
                    <td>
                      {point.step && point.step.notComparable.length > 0 ? (
                        <details>
                          <summary>
                            {t('trend.leftOutCount', { count: point.step.notComparable.length })}
                          </summary>
                          <ul className="excluded-list">
                            {point.step.notComparable.map((figure) => (
                              <li key={`${figure.metric}:${figure.key ?? ''}`}>
                                {figure.key
                                  ? `${t(`trend.metric.${figure.metric}` as MessageKey)}: ${figure.name}`
                                  : t(`trend.metric.${figure.metric}` as MessageKey)}
                                {figure.reasons.length > 0 && (
                                  <span lang="en"> — {figure.reasons.join('; ')}</span>
                                )}
                              </li>
                            ))}
                          </ul>
                        </details>
                      ) : (
                        ''
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <ErrorState message={outcome && 'message' in outcome ? outcome.message : undefined} />
      )}
    </section>
  );
}
