import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatScore } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import type { ScoreLine, TrendPoint } from './types';

/** Charts draw at once for people (and browser tests) who ask for reduced motion. */
const animate = () =>
  typeof window === 'undefined' || !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

// recharts is big, so this file is its own lazy chunk: the company page loads it only when drawn.

export function TrendChart({ trend }: { trend: readonly TrendPoint[] }) {
  const { t, locale } = useI18n();
  const format = (value: unknown) => formatScore(typeof value === 'number' ? value : null, locale);
  return (
    <figure className="chart" aria-label={t('company.trendTitle')}>
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={[...trend]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="var(--color-border)" vertical={false} />
          <XAxis dataKey="editionKey" tickLine={false} />
          <YAxis domain={[0, 100]} tickLine={false} width={40} />
          <Tooltip formatter={format} />
          <Legend />
          <Line
            isAnimationActive={animate()}
            type="monotone"
            dataKey="total"
            name={t('results.total')}
            stroke="var(--chart-1)"
            strokeWidth={2.5}
            connectNulls
          />
          <Line
            isAnimationActive={animate()}
            type="monotone"
            dataKey="headline"
            name={t('company.headline')}
            stroke="var(--chart-3)"
            strokeWidth={2}
            connectNulls
          />
          <Line
            isAnimationActive={animate()}
            type="monotone"
            dataKey="industryAverage"
            name={t('company.industryAverage')}
            stroke="var(--chart-2)"
            strokeDasharray="5 4"
            connectNulls
          />
          {trend
            .filter((point) => !point.likeForLike && point.total !== null)
            .map((point) => (
              <ReferenceDot
                key={point.editionKey}
                x={point.editionKey}
                y={point.total ?? 0}
                r={7}
                fill="none"
                stroke="var(--color-danger)"
                strokeWidth={2}
              />
            ))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="muted chart-caption">{t('company.trendCaption')}</figcaption>
    </figure>
  );
}

export function IndustryBarChart({ lines }: { lines: readonly ScoreLine[] }) {
  const { t, locale } = useI18n();
  const format = (value: unknown) => formatScore(typeof value === 'number' ? value : null, locale);
  return (
    <figure className="chart" aria-label={t('company.vsIndustryTitle')}>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={[...lines]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="var(--color-border)" vertical={false} />
          <XAxis dataKey="name" tickLine={false} interval={0} tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} tickLine={false} width={40} />
          <Tooltip formatter={format} />
          <Legend />
          <Bar
            isAnimationActive={animate()}
            dataKey="score"
            name={t('company.thisCompany')}
            fill="var(--chart-1)"
            radius={[3, 3, 0, 0]}
          />
          <Bar
            isAnimationActive={animate()}
            dataKey="industryAverage"
            name={t('company.industryAverage')}
            fill="var(--chart-2)"
            radius={[3, 3, 0, 0]}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
