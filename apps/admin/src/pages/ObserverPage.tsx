import type { ValidationIssue } from '@ksp/domain';
import { byOrder, textIn } from '@ksp/domain';
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { editionFromApi } from '../adapters/editionFromApi';
import { evaluationToApi } from '../adapters/evaluationToApi';
import { toLocalizedText } from '../adapters/localizedText';
import { EditionDefinitionQuery } from '../api/definition';
import { SubmitEvaluationMutation } from '../api/evaluations';
import { mutationOutcome } from '../api/outcome';
import { useEditions } from '../api/useEditions';
import { ObserverForm } from '../features/observer/ObserverForm';
import { useI18n } from '../i18n/I18nProvider';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews';
import { useToast } from '../ui/Toasts';

export default function ObserverPage() {
  const { t, locale } = useI18n();
  const notify = useToast();
  const { editions, fetching } = useEditions(undefined);
  // Evaluations go into published editions only (the API refuses closed ones).
  const open = editions.filter((e) => e.status === 'published');
  const [picked, setPicked] = useState<string | null>(null);
  const editionKey = picked ?? open[0]?.key ?? '';
  const [{ data, error }] = useQuery({
    query: EditionDefinitionQuery,
    variables: { key: editionKey },
    pause: !editionKey,
  });
  const [submission, submit] = useMutation(SubmitEvaluationMutation);
  const [serverIssues, setServerIssues] = useState<ValidationIssue[]>([]);
  const [submitted, setSubmitted] = useState(0);

  const api = data?.edition?.key === editionKey ? data.edition : null;
  const edition = useMemo(() => (api ? editionFromApi(api) : null), [api]);
  const companies = useMemo(
    () =>
      (api?.participants ?? [])
        .map((p) => ({
          key: p.company.key,
          name: p.company.name,
          industryKey: p.industry.key,
          channels: p.channels,
        }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
    [api, locale],
  );
  const rolePlays = useMemo(
    () =>
      byOrder(api?.rolePlays ?? []).map((r) => ({
        key: r.key,
        name: textIn(toLocalizedText(r.titleTranslations), locale),
        channelKey: r.channelKey ?? null,
        industryKey: r.industry?.key ?? null,
      })),
    [api, locale],
  );

  return (
    <>
      <PageHeader title={t('nav.observe')} />
      {fetching ? (
        <Loading />
      ) : error ? (
        <ErrorState message={error.message} />
      ) : open.length === 0 ? (
        <EmptyState title={t('editions.empty')} />
      ) : (
        <ObserverForm
          key={`${editionKey}:${submitted}`}
          editions={open.map((e) => ({ key: e.key, name: e.name }))}
          editionKey={editionKey}
          onEditionChange={setPicked}
          edition={edition}
          companies={companies}
          rolePlays={rolePlays}
          submitting={submission.fetching}
          serverIssues={serverIssues}
          onSubmit={async (evaluation) => {
            const result = await submit({ input: evaluationToApi(evaluation) });
            const outcome = mutationOutcome(result.data?.submitEvaluation, 'Evaluation', result.error);
            if (!outcome.ok) {
              const { fieldErrors, message } = outcome.error;
              setServerIssues(fieldErrors.length > 0 ? [...fieldErrors] : [{ path: '', message }]);
              notify(t('toast.saveFailed', { message }), 'error');
              return;
            }
            setServerIssues([]);
            setSubmitted((n) => n + 1);
            notify(t('toast.submitted'));
          }}
        />
      )}
    </>
  );
}
