import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { EditionLineageQuery, SetLineageMarkMutation } from '../../api/comparability';
import { mutationOutcome } from '../../api/outcome';
import type { LineageMark as ApiLineageMark } from '../../generated/gql/graphql';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nb';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Checkbox, SelectField, TextField } from '../../ui/Field';
import { ErrorState, Loading } from '../../ui/StateViews';
import { useToast } from '../../ui/Toasts';
import { LINEAGE_MARKS, LineageMarkBadge } from './LineageMarkBadge';
import { type LineageRow, visibleLineage } from './lineageRows';
import '../../ui/DataTable.css';
import './Comparability.css';

interface LineagePanelProps {
  /** The later edition (the one whose items carry the marks). */
  editionKey: string;
  /** The edition compared with; default: the one `editionKey` derives from. */
  baselineEditionKey?: string;
  /** Admins may change marks. */
  canEdit: boolean;
}

/**
 * "Lineage and comparability" under What changed: the verdict for Totalresultat and the headline area, every
 * item's mark (identical, reworded, rescaled, moved, split, merged, new) and what the predecessor retired.
 * Admins change a mark inline (`setLineageMark`, version-checked).
 */
export function LineagePanel({ editionKey, baselineEditionKey, canEdit }: LineagePanelProps) {
  const { t, locale } = useI18n();
  const [level, setLevel] = useState<'' | 'area' | 'performance' | 'question'>('');
  const [onlyChanged, setOnlyChanged] = useState(true);
  const [editing, setEditing] = useState<string | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: EditionLineageQuery,
    variables: { editionKey, baselineEditionKey: baselineEditionKey ?? null, locale },
    requestPolicy: 'cache-and-network',
  });
  const lineage = data?.editionLineage.__typename === 'EditionLineage' ? data.editionLineage : null;
  const comparability =
    data?.editionComparability.__typename === 'EditionComparability' ? data.editionComparability : null;
  const items = lineage ? visibleLineage(lineage.items, { level, onlyChanged }) : [];

  return (
    <section className="card stack" aria-labelledby="lineage-title">
      <h2 id="lineage-title" className="card-title">
        {t('lineage.title')}
      </h2>
      {fetching && !data ? (
        <Loading />
      ) : error && !data ? (
        <ErrorState message={error.message} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !lineage ? (
        <ErrorState
          message={
            data?.editionLineage && 'message' in data.editionLineage ? data.editionLineage.message : undefined
          }
        />
      ) : (
        <>
          <p className="muted">
            {lineage.predecessorEditionKey
              ? t('lineage.against', {
                  edition: lineage.editionKey,
                  predecessor: lineage.predecessorEditionKey,
                })
              : t('lineage.noPredecessor', { edition: lineage.editionKey })}
          </p>
          {comparability && (
            <ul className="verdicts" aria-label={t('lineage.verdicts')}>
              <Verdict label={t('results.total')} verdict={comparability.total} />
              <Verdict label={t('company.headline')} verdict={comparability.headline} />
            </ul>
          )}
          <div className="row">
            <SelectField
              label={t('lineage.level')}
              value={level}
              placeholder={t('lineage.allLevels')}
              options={(['area', 'performance', 'question'] as const).map((value) => ({
                value,
                label: t(`level.${value}`),
              }))}
              onChange={(event) => setLevel(event.target.value as typeof level)}
            />
            <Checkbox
              label={t('lineage.onlyChanged')}
              checked={onlyChanged}
              onChange={(event) => setOnlyChanged(event.target.checked)}
            />
          </div>
          <div className="table-scroll">
            <table className="table lineage-table">
              <caption className="visually-hidden">
                {t('lineage.caption', { edition: lineage.editionKey })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('lineage.item')}</th>
                  <th scope="col">{t('lineage.level')}</th>
                  <th scope="col">{t('lineage.mark')}</th>
                  <th scope="col">{t('lineage.predecessors')}</th>
                  <th scope="col">{t('lineage.setBy')}</th>
                  {canEdit && <th scope="col">{t('lineage.change')}</th>}
                </tr>
              </thead>
              <tbody>
                {items.length === 0 && (
                  <tr>
                    <td colSpan={canEdit ? 6 : 5} className="table-empty">
                      {t('lineage.none')}
                    </td>
                  </tr>
                )}
                {items.map((item) => {
                  const id = `${item.level}:${item.key}`;
                  return (
                    <tr key={id}>
                      <td>
                        <span className="lineage-name">{item.name}</span>{' '}
                        <code className="muted">{item.key}</code>
                      </td>
                      <td>{t(`level.${item.level}` as MessageKey)}</td>
                      <td>
                        {editing === id ? (
                          <MarkEditor
                            editionKey={lineage.editionKey}
                            item={item}
                            onDone={(saved) => {
                              setEditing(null);
                              if (saved) reexecute({ requestPolicy: 'network-only' });
                            }}
                          />
                        ) : (
                          <LineageMarkBadge mark={item.mark} />
                        )}
                      </td>
                      <td>{item.predecessorKeys.join(', ') || '–'}</td>
                      <td>{item.markSetBy ? t(`lineage.source.${item.markSetBy}` as MessageKey) : '–'}</td>
                      {canEdit && (
                        <td>
                          {editing !== id && item.version !== null && item.version !== undefined && (
                            <Button
                              size="sm"
                              aria-label={t('lineage.changeMarkOf', { name: item.name })}
                              onClick={() => setEditing(id)}
                            >
                              {t('lineage.change')}
                            </Button>
                          )}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {lineage.retired.length > 0 && (
            <div>
              <h3 className="section-title">{t('lineage.retiredTitle')}</h3>
              <ul className="retired-list">
                {lineage.retired.map((item) => (
                  <li key={`${item.level}:${item.key}`}>
                    <LineageMarkBadge mark="retired" /> {t(`level.${item.level}` as MessageKey)}: {item.name}{' '}
                    <code className="muted">{item.key}</code>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Verdict({
  label,
  verdict,
}: {
  label: string;
  verdict: { comparable: boolean; reasons: readonly string[] };
}) {
  const { t } = useI18n();
  return (
    <li className="verdict">
      <strong>{label}</strong>{' '}
      {verdict.comparable ? (
        <Badge tone="success">{t('lineage.comparable')}</Badge>
      ) : (
        <Badge tone="danger">{t('changes.notLikeForLike')}</Badge>
      )}
      {verdict.reasons.length > 0 && (
        <ul className="verdict-reasons" lang="en">
          {verdict.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Inline form to change one item's mark (and its predecessors); the API checks the combination. */
function MarkEditor({
  editionKey,
  item,
  onDone,
}: {
  editionKey: string;
  item: LineageRow;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const notify = useToast();
  const [mark, setMark] = useState<ApiLineageMark>(item.mark ?? 'identical');
  const [predecessors, setPredecessors] = useState(item.predecessorKeys.join(', '));
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, setLineageMark] = useMutation(SetLineageMarkMutation);

  const save = async () => {
    setProblem(null);
    const keys = predecessors
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean);
    const result = await setLineageMark({
      editionKey,
      level: item.level,
      key: item.key,
      mark,
      predecessorKeys: mark === 'new' ? [] : keys,
      version: item.version ?? 0,
    });
    const outcome = mutationOutcome(result.data?.setLineageMark, 'LineageItem', result.error);
    if (outcome.ok) {
      notify(t('lineage.saved', { name: item.name }));
      onDone(true);
      return;
    }
    const { message } = outcome.error;
    const details = outcome.error.fieldErrors.map((e) => e.message).join('; ');
    if (outcome.error.__typename === 'ConflictError') {
      notify(t('lineage.conflict', { name: item.name }), 'error');
      onDone(true);
      return;
    }
    setProblem([message, details].filter(Boolean).join(': '));
  };

  return (
    <div className="mark-editor">
      <SelectField
        label={t('lineage.mark')}
        value={mark}
        options={LINEAGE_MARKS.filter((m) => m !== 'retired').map((value) => ({
          value,
          label: t(`lineage.mark.${value}` as MessageKey),
        }))}
        onChange={(event) => setMark(event.target.value as ApiLineageMark)}
      />
      {mark !== 'new' && (
        <TextField
          label={t('lineage.predecessors')}
          hint={t('lineage.predecessorsHint')}
          value={predecessors}
          onChange={(event) => setPredecessors(event.target.value)}
        />
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="row">
        <Button size="sm" variant="primary" busy={fetching} onClick={save}>
          {t('common.save')}
        </Button>
        <Button size="sm" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
