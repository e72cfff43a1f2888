import { type Edition, textIn, type ValidationIssue } from '@ksp/domain';
import { useMemo, useState } from 'react';
import { useMutation } from 'urql';
import { Redirect, useLocation, useParams } from 'wouter';
import { type ApiEdition, editionFromApi, type ItemVersions, itemVersions } from '../adapters/editionFromApi';
import { type SaveStep, savePlan } from '../adapters/savePlan';
import { ReorderAreasMutation, SetChannelRuleMutation, UpdateAreaMutation } from '../api/definition';
import { useEditionDefinition } from '../api/useEditionDefinition';
import { useEditions } from '../api/useEditions';
import { paths } from '../app/paths';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { EditionPicker } from '../features/editions/EditionPicker';
import type { EditConflict } from '../features/editor/ConflictBanner';
import { SurveyEditor } from '../features/editor/SurveyEditor';
import { useI18n } from '../i18n/I18nProvider';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews';
import { useToast } from '../ui/Toasts';

type StepOutcome =
  | { ok: true }
  | { ok: false; conflict: true; currentVersion: number | null }
  | { ok: false; conflict: false; message: string; issues: ValidationIssue[] };

const versionKey = (step: SaveStep) => (step.kind === 'areaOrder' ? 'edition' : `${step.kind}:${step.key}`);

export default function EditorPage() {
  const { edition: routeKey } = useParams<{ edition?: string }>();
  const { t } = useI18n();
  const { editions, chosen, fetching } = useEditions(routeKey, (e) => e.status === 'draft');
  if (!routeKey) {
    if (fetching) return <Loading />;
    return chosen ? (
      <Redirect to={paths.editor(chosen.key)} replace />
    ) : (
      <EmptyState title={t('editions.empty')} />
    );
  }
  return <EditorForEdition editionKey={routeKey} editions={editions} />;
}

function EditorForEdition({
  editionKey,
  editions,
}: {
  editionKey: string;
  editions: ReadonlyArray<{ key: string; name: string }>;
}) {
  const { t, locale } = useI18n();
  const notify = useToast();
  const [, navigate] = useLocation();
  const { session } = useSession();
  const definition = useEditionDefinition(editionKey);
  const [conflict, setConflict] = useState<(EditConflict & { api: ApiEdition }) | null>(null);
  const [serverIssues, setServerIssues] = useState<ValidationIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const [, updateArea] = useMutation(UpdateAreaMutation);
  const [, setChannelRule] = useMutation(SetChannelRuleMutation);
  const [, reorderAreas] = useMutation(ReorderAreasMutation);

  const stored = useMemo(
    () => (definition.edition ? editionFromApi(definition.edition) : null),
    [definition.edition],
  );
  const readOnly = stored?.status !== 'draft' || !can(session?.user.role, 'definition.edit');

  const run = async (step: SaveStep, versions: ItemVersions): Promise<StepOutcome> => {
    const version = versions.get(versionKey(step)) ?? 0;
    const result =
      step.kind === 'area'
        ? (await updateArea({ editionKey, key: step.key, version, input: step.input })).data?.updateArea
        : step.kind === 'channel'
          ? (await setChannelRule({ editionKey, key: step.key, version, input: step.input })).data
              ?.setChannelRule
          : (await reorderAreas({ editionKey, keys: step.keys })).data?.reorderAreas;
    if (!result) return { ok: false, conflict: false, message: t('state.errorBody'), issues: [] };
    if (result.__typename === 'ConflictError')
      return { ok: false, conflict: true, currentVersion: result.currentVersion ?? null };
    if (result.__typename === 'ValidationError')
      return { ok: false, conflict: false, message: result.message, issues: result.fieldErrors };
    if ('message' in result) return { ok: false, conflict: false, message: result.message, issues: [] };
    return { ok: true };
  };

  /** Saves each changed item with its own mutation; stops at the first failure and keeps the draft. */
  const save = async (base: Edition, versions: ItemVersions, draft: Edition) => {
    const plan = savePlan(base, draft);
    if (plan.unsupported.length > 0) {
      notify(t('toast.notSavable', { paths: plan.unsupported.join(', ') }), 'error');
      return;
    }
    setSaving(true);
    setServerIssues([]);
    try {
      for (const step of plan.steps) {
        const named = step.kind === 'area' ? draft.areas : step.kind === 'channel' ? draft.channels : [];
        const found = step.kind === 'areaOrder' ? undefined : named.find((i) => i.key === step.key);
        const item = found ? textIn(found.name, locale) || found.key : t('editor.tab.structure');
        const outcome = await run(step, versions);
        if (outcome.ok) {
          notify(t('toast.savedItem', { item }));
          continue;
        }
        if (outcome.conflict) {
          const theirs = await definition.fetchFresh();
          if (theirs)
            setConflict({
              api: theirs,
              theirs: editionFromApi(theirs),
              theirVersion: outcome.currentVersion ?? theirs.version,
            });
          notify(t('toast.conflict', { item }), 'error');
          return;
        }
        setServerIssues(outcome.issues);
        notify(t('toast.saveFailed', { message: outcome.message }), 'error');
        return;
      }
      setConflict(null);
      await definition.load();
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('nav.editor')}
        subtitle={stored?.name}
        actions={
          <EditionPicker
            label={t('picker.edition')}
            editions={editions}
            value={editionKey}
            onChange={(key) => navigate(paths.editor(key))}
          />
        }
      />
      {definition.loading && !definition.edition ? (
        <Loading />
      ) : definition.error ? (
        <ErrorState message={definition.error} onRetry={() => void definition.load()} />
      ) : !stored || !definition.edition ? (
        <EmptyState title={t('state.errorBody')} />
      ) : (
        <SurveyEditor
          // A fresh editor (and draft) for each stored version.
          key={`${stored.key}:${[...itemVersions(definition.edition).values()].join('.')}:${definition.edition.version}`}
          edition={stored}
          readOnly={readOnly}
          saving={saving}
          conflict={conflict}
          serverIssues={serverIssues}
          onSave={(draft) => {
            if (definition.edition) void save(stored, itemVersions(definition.edition), draft);
          }}
          onOverwrite={(draft) => {
            // Apply my changes on top of their version, with their item versions.
            if (conflict) void save(conflict.theirs, itemVersions(conflict.api), draft);
          }}
          onUseTheirs={() => {
            if (conflict) definition.replace(conflict.api);
            setConflict(null);
          }}
        />
      )}
    </>
  );
}
