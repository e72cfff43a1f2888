import { useLocation, useParams } from 'wouter';
import { useEditions } from '../api/useEditions';
import { paths } from '../app/paths';
import { useSession } from '../auth/session';
import { EditionPicker } from '../features/editions/EditionPicker';
import { FilesTabs } from '../features/import/FilesTabs';
import { ImportScreen } from '../features/import/ImportScreen';
import { useI18n } from '../i18n/I18nProvider';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews';

/** Field-work import into an edition (default: the newest published one, which takes evaluations). */
export default function ImportPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const token = useSession().session?.token ?? null;
  const { edition: routeKey } = useParams<{ edition?: string }>();
  const { editions, chosen, fetching, error } = useEditions(routeKey, (e) => e.status === 'published');
  return (
    <>
      <PageHeader
        title={t('import.title')}
        subtitle={t('import.subtitle')}
        actions={
          <EditionPicker
            label={t('picker.edition')}
            editions={editions}
            value={chosen?.key ?? ''}
            onChange={(key) => navigate(paths.importEvaluations(key))}
          />
        }
      />
      <FilesTabs current="import" editionKey={chosen?.key ?? ''} canImport />
      {fetching ? (
        <Loading />
      ) : error ? (
        <ErrorState message={error.message} />
      ) : chosen ? (
        <>
          {chosen.status !== 'published' && (
            <p className="muted">{t('import.notPublished', { status: t(`status.${chosen.status}`) })}</p>
          )}
          <ImportScreen key={chosen.key} editionKey={chosen.key} token={token} />
        </>
      ) : (
        <EmptyState title={t('editions.empty')} />
      )}
    </>
  );
}
