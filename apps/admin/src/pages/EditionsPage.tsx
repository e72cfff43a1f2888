import type { ValidationIssue } from '@ksp/domain';
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useLocation } from 'wouter';
import { editionSummaries } from '../adapters/editionSummaries';
import {
  CloseEditionMutation,
  CreateEditionFromMutation,
  CreateEmptyEditionMutation,
  EditionsQuery,
  PublishEditionMutation,
} from '../api/editions';
import { failureMessage, mutationOutcome } from '../api/outcome';
import { useEvaluationCounts } from '../api/useEvaluationCounts';
import { paths } from '../app/paths';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { EditionsList } from '../features/editions/EditionsList';
import { nextEditionName } from '../features/editions/nextEditionKey';
import type { NewEditionRequest } from '../features/editions/types';
import { useI18n } from '../i18n/I18nProvider';
import { PageHeader } from '../ui/PageHeader';
import { ErrorState, Loading } from '../ui/StateViews';
import { useToast } from '../ui/Toasts';

export default function EditionsPage() {
  const { t } = useI18n();
  const notify = useToast();
  const { session } = useSession();
  const [, navigate] = useLocation();
  const [refresh, setRefresh] = useState(0);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: EditionsQuery,
    requestPolicy: 'cache-and-network',
  });
  const [copy, copyEdition] = useMutation(CreateEditionFromMutation);
  const [createEmpty, createEmptyEdition] = useMutation(CreateEmptyEditionMutation);
  const [publish, publishEdition] = useMutation(PublishEditionMutation);
  const [close, closeEdition] = useMutation(CloseEditionMutation);

  const editions = data?.editions ?? [];
  const counts = useEvaluationCounts(
    editions.map((e) => e.key),
    refresh,
  );
  const summaries = useMemo(() => editionSummaries(data?.editions ?? [], counts), [data, counts]);
  const reload = () => {
    reexecute({ requestPolicy: 'network-only' });
    setRefresh((n) => n + 1);
  };
  const nameOf = (key: string) => editions.find((e) => e.key === key)?.name ?? key;

  /** A copy of an edition, or an empty draft; either way the admin goes on in the new draft's editor. */
  const onCreate = async (request: NewEditionRequest) => {
    const { key } = request;
    let failure: string | null;
    if (request.from === 'copy') {
      const source = editions.find((e) => e.key === request.sourceKey);
      if (!source) return;
      const { year } = request;
      const result = await copyEdition({
        sourceKey: source.key,
        key,
        year,
        name: nextEditionName(source, key, year),
      });
      failure = failureMessage(result.data?.createEditionFrom, 'Edition', result.error);
    } else {
      const result = await createEmptyEdition({ key, year: request.year, name: request.name });
      failure = failureMessage(result.data?.createEmptyEdition, 'Edition', result.error);
    }
    if (failure) return notify(t('toast.saveFailed', { message: failure }), 'error');
    notify(t('toast.started', { key }));
    reload();
    navigate(paths.editor(key));
  };

  const onPublish = async (editionKey: string): Promise<ValidationIssue[] | undefined> => {
    const result = await publishEdition({ editionKey });
    const outcome = mutationOutcome(result.data?.publishEdition, 'Edition', result.error);
    if (!outcome.ok) {
      // Broken rules with a code are worded and placed in the publish dialog; anything else is a toast.
      const coded = outcome.error.fieldErrors.filter((e) => e.code);
      if (coded.length > 0) return coded;
      const details = outcome.error.fieldErrors.map((e) => e.message);
      notify(t('toast.saveFailed', { message: [outcome.error.message, ...details].join(' ') }), 'error');
      return undefined;
    }
    notify(t('toast.published', { name: nameOf(editionKey) }));
    reload();
    return undefined;
  };

  const onClose = async (editionKey: string) => {
    const result = await closeEdition({ editionKey });
    const failure = failureMessage(result.data?.closeEdition, 'Edition', result.error);
    if (failure) return notify(t('toast.saveFailed', { message: failure }), 'error');
    notify(t('toast.closed', { name: nameOf(editionKey) }));
    reload();
  };

  return (
    <>
      <PageHeader title={t('editions.title')} subtitle={t('editions.subtitle')} />
      {error && !data ? (
        <ErrorState message={error.message} onRetry={reload} />
      ) : fetching && !data ? (
        <Loading />
      ) : (
        <EditionsList
          editions={summaries}
          canManage={can(session?.user.role, 'editions.manage')}
          busy={copy.fetching || createEmpty.fetching || publish.fetching || close.fetching}
          onCreate={onCreate}
          onPublish={onPublish}
          onClose={onClose}
        />
      )}
    </>
  );
}
