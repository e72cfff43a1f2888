import { useLocation, useParams } from 'wouter';
import { useEditions } from '../api/useEditions';
import { paths } from '../app/paths';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { EditionPicker } from '../features/editions/EditionPicker';
import { FilesTabs } from '../features/import/FilesTabs';
import { TranslationsScreen } from '../features/translations/TranslationsScreen';
import { useI18n } from '../i18n/I18nProvider';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews';

/** The translation round trip for one edition (default: a draft, the only kind that takes an import). */
export default function TranslationsPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const role = useSession().session?.user.role;
  const admin = can(role, 'editions.manage');
  const { edition: routeKey } = useParams<{ edition?: string }>();
  const { editions, chosen, fetching, error } = useEditions(routeKey, (e) => e.status === 'draft');
  return (
    <>
      <PageHeader
        title={t('translations.title')}
        subtitle={t('translations.subtitle')}
        actions={
          <EditionPicker
            label={t('picker.edition')}
            editions={editions}
            value={chosen?.key ?? ''}
            onChange={(key) => navigate(paths.translations(key))}
          />
        }
      />
      <FilesTabs current="translations" editionKey={chosen?.key ?? ''} canImport={admin} />
      {fetching ? (
        <Loading />
      ) : error ? (
        <ErrorState message={error.message} />
      ) : chosen ? (
        <TranslationsScreen
          key={chosen.key}
          editionKey={chosen.key}
          editionStatus={chosen.status}
          canImport={can(role, 'definition.edit')}
        />
      ) : (
        <EmptyState title={t('editions.empty')} />
      )}
    </>
  );
}
