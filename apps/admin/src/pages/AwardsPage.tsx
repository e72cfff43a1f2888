import { useLocation, useParams } from 'wouter';
import { useEditions } from '../api/useEditions';
import { paths } from '../app/paths';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { AwardsScreen } from '../features/awards/AwardsScreen';
import { ResultsTabs } from '../features/awards/ResultsTabs';
import { EditionPicker } from '../features/editions/EditionPicker';
import { useI18n } from '../i18n/I18nProvider';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews';

/** Frozen award results per edition (default: the newest edition that is not a draft). */
export default function AwardsPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const role = useSession().session?.user.role;
  const { edition: routeKey } = useParams<{ edition?: string }>();
  const { editions, chosen, fetching, error } = useEditions(routeKey, (e) => e.status !== 'draft');
  return (
    <>
      <PageHeader
        title={t('awards.title')}
        subtitle={chosen?.name}
        actions={
          <EditionPicker
            label={t('picker.edition')}
            editions={editions}
            value={chosen?.key ?? ''}
            onChange={(key) => navigate(paths.awards(key))}
          />
        }
      />
      <ResultsTabs current="awards" editionKey={chosen?.key ?? ''} />
      {fetching ? (
        <Loading />
      ) : error ? (
        <ErrorState message={error.message} />
      ) : chosen ? (
        <AwardsScreen
          key={chosen.key}
          editionKey={chosen.key}
          canManage={can(role, 'editions.manage')}
          canEditRules={can(role, 'definition.edit')}
        />
      ) : (
        <EmptyState title={t('editions.empty')} />
      )}
    </>
  );
}
