import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { explanationTree } from '../../adapters/explanationFromApi';
import { CompanyContactsQuery, ExplainContactQuery, ExplanationNodeFields } from '../../api/explain';
import { readFragment } from '../../generated/gql';
import { formatDateTime, formatScore } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { Button } from '../../ui/Button';
import { type Column, DataTable } from '../../ui/DataTable';
import { ErrorState, Loading } from '../../ui/StateViews';
import { ExplanationTree } from './ExplanationTree';
import { Figures } from './Figures';
import { useContactRowLoader } from './rowLoaders';

interface ContactRow {
  id: string;
  contactId: string;
  channelKey: string;
  answered: boolean;
  contactedAt: string;
}

/** The company's contacts (from `evaluations`), each with a button that explains that one contact. */
export function ContactExplanations({ editionKey, companyKey }: { editionKey: string; companyKey: string }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<ContactRow | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CompanyContactsQuery,
    variables: { editionKey, companyKey },
    pause: !open,
  });
  const contacts: ContactRow[] = data?.evaluations.edges.map((edge) => edge.node) ?? [];

  const columns: Column<ContactRow>[] = [
    { key: 'contactId', header: t('explain.contactId'), value: (row) => row.contactId },
    { key: 'channel', header: t('results.channel'), value: (row) => row.channelKey },
    {
      key: 'contactedAt',
      header: t('explain.contactedAt'),
      value: (row) => row.contactedAt,
      render: (row) => formatDateTime(row.contactedAt, locale),
    },
    {
      key: 'answered',
      header: t('explain.answered'),
      value: (row) => (row.answered ? t('explain.yes') : t('explain.no')),
    },
    {
      key: 'explain',
      header: t('explain.explainContact'),
      sortable: false,
      value: () => null,
      render: (row) => (
        <Button
          size="sm"
          aria-label={t('explain.explainContactLabel', { id: row.contactId })}
          aria-pressed={chosen?.id === row.id}
          onClick={() => setChosen(chosen?.id === row.id ? null : row)}
        >
          {t('explain.explainContact')}
        </Button>
      ),
    },
  ];

  return (
    <section className="card explain-section" aria-labelledby="explain-contacts-title">
      <div className="explain-head">
        <h2 id="explain-contacts-title" className="card-title">
          {t('explain.contactsTitle')}
        </h2>
        <Button aria-expanded={open} aria-controls="explain-contacts-body" onClick={() => setOpen(!open)}>
          {open ? t('explain.hide') : t('explain.show')}
        </Button>
      </div>
      {open && (
        <div id="explain-contacts-body" className="stack">
          {fetching && !data ? (
            <Loading />
          ) : error && !data ? (
            <ErrorState
              message={error.message}
              onRetry={() => reexecute({ requestPolicy: 'network-only' })}
            />
          ) : (
            <>
              {data && data.evaluations.totalCount > contacts.length && (
                <p className="muted">
                  {t('explain.contactsMore', { shown: contacts.length, total: data.evaluations.totalCount })}
                </p>
              )}
              <DataTable
                caption={t('explain.contactsCaption')}
                columns={columns}
                rows={contacts}
                rowKey={(row) => row.id}
                initialSort={{ key: 'contactedAt', direction: 'asc' }}
              />
              {chosen && <ContactExplanation contact={chosen} />}
            </>
          )}
        </div>
      )}
    </section>
  );
}

function ContactExplanation({ contact }: { contact: ContactRow }) {
  const { t, locale } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: ExplainContactQuery,
    variables: { evaluationId: contact.id, locale },
  });
  const outcome = data?.explainContact;
  const explanation = outcome?.__typename === 'ContactExplanation' ? outcome : null;
  const rows = useMemo(
    () => (explanation ? explanationTree(readFragment(ExplanationNodeFields, explanation.nodes)) : []),
    [explanation],
  );
  const loadChildren = useContactRowLoader(contact.id);
  const title = t('explain.contactTitle', { id: contact.contactId });
  return (
    <div className="explain-contact stack" aria-live="polite">
      <h3 className="section-title">{title}</h3>
      {fetching && !data ? (
        <Loading />
      ) : error && !data ? (
        <ErrorState message={error.message} />
      ) : explanation ? (
        <>
          <Figures
            items={[
              [t('explain.summary.total'), formatScore(explanation.total, locale)],
              [t('results.channel'), explanation.channel],
              [t('explain.answered'), explanation.answered ? t('explain.yes') : t('explain.no')],
            ]}
          />
          <ExplanationTree label={title} rows={rows} openDepth={2} loadChildren={loadChildren} />
        </>
      ) : (
        <ErrorState message={outcome && 'message' in outcome ? outcome.message : undefined} />
      )}
    </div>
  );
}
