import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ComparableTrendPoint } from '../../adapters/trendFromApi';
import { formatScore } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';

const animate = () =>
  typeof window === 'undefined' || !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

// recharts is big: this file is a lazy chunk of its own, loaded when the trend panel draws.

/** Totals per edition; editions whose total is not like-for-like with the year before get a red ring. */
export default function ComparableTrendChart({ points }: { points: readonly ComparableTrendPoint[] }) {
  const { t, locale } = useI18n();
  const format = (value: unknown) => formatScore(typeof value === 'number' ? value : null, locale);
  return (
    <figure className="chart trend-chart" aria-label={t('trend.chartLabel')}>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart
          data={points.map((p) => ({ editionKey: p.editionKey, total: p.total }))}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid stroke="var(--color-border)" vertical={false} />
          <XAxis dataKey="editionKey" tickLine={false} />
          <YAxis domain={[0, 100]} tickLine={false} width={40} />
          <Tooltip formatter={format} />
          <Line
            isAnimationActive={animate()}
            type="monotone"
            dataKey="total"
            name={t('results.total')}
            stroke="var(--chart-1)"
            strokeWidth={2.5}
            connectNulls
          />
          {points
            .filter((point) => point.step && !point.step.comparable && point.total !== null)
            .map((point) => (
              <ReferenceDot
                key={point.editionKey}
                x={point.editionKey}
                y={point.total ?? 0}
                r={8}
                fill="none"
                stroke="var(--color-danger)"
                strokeWidth={2}
              />
            ))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="muted chart-caption">{t('trend.chartCaption')}</figcaption>
    </figure>
  );
}
