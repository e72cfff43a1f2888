import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/nb';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState } from '../ui/StateViews';

/**
 * A route whose GraphQL operations the API does not offer yet (see docs/admin.md, "Wiring status").
 * The screen's component exists and is tested; this page goes away when its query is wired.
 */
export function ApiPending({ title }: { title: MessageKey }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t(title)} />
      <EmptyState title={t('state.apiPending')}>
        <p className="muted">{t('state.apiPendingBody')}</p>
      </EmptyState>
    </>
  );
}
