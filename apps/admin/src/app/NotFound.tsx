import { Link } from 'wouter';
import { useI18n } from '../i18n/I18nProvider';
import { EmptyState } from '../ui/StateViews';

export function NotFound() {
  const { t } = useI18n();
  return (
    <EmptyState title={t('notFound.title')}>
      <p className="muted">{t('notFound.body')}</p>
      <Link href="/">{t('nav.home')}</Link>
    </EmptyState>
  );
}
