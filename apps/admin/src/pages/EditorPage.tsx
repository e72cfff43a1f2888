import type { Edition, ValidationIssue } from '@ksp/domain';
import { useMemo, useState } from 'react';
import { useClient } from 'urql';
import { Redirect, useLocation, useParams } from 'wouter';
import { editionFromApi, itemVersions } from '../adapters/editionFromApi';
import { type SaveStep, savePlan } from '../adapters/savePlan';
import { runSavePlan } from '../api/runSavePlan';
import { useEditionDefinition } from '../api/useEditionDefinition';
import { useEditions } from '../api/useEditions';
import { paths } from '../app/paths';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { EditionPicker } from '../features/editions/EditionPicker';
import type { EditConflict } from '../features/editor/ConflictBanner';
import { findItem, itemName } from '../features/editor/itemFields';
import { withAddedKeys } from '../features/editor/newItems';
import { SurveyEditor } from '../features/editor/SurveyEditor';
import { requestNavigation } from '../features/editor/useLeaveGuard';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/nb';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews';
import { useToast } from '../ui/Toasts';

/** The toast for a stored step: what happened to which item. */
const savedMessage = (step: SaveStep): MessageKey =>
  step.kind.startsWith('add')
    ? 'toast.addedItem'
    : step.kind.startsWith('remove')
      ? 'toast.removedItem'
      : step.kind.startsWith('reorder')
        ? 'toast.reorderedItem'
        : 'toast.savedItem';

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
  const client = useClient();
  const [, navigate] = useLocation();
  const { session } = useSession();
  const definition = useEditionDefinition(editionKey);
  const [conflict, setConflict] = useState<EditConflict | null>(null);
  const [serverIssues, setServerIssues] = useState<ValidationIssue[]>([]);
  // After a save that stopped halfway: my remaining changes, carried over onto the reloaded definition.
  const [carried, setCarried] = useState<Edition | null>(null);
  const [saving, setSaving] = useState(false);
  // Bumped by a reload, so the editor starts from the stored definition even if its version did not move.
  const [generation, setGeneration] = useState(0);
  // Kept here, not in the editor: a save remounts the editor (new version), and the selection should stay.
  const [selectedId, setSelectedId] = useState<string | null | undefined>(undefined);

  const stored = useMemo(
    () => (definition.edition ? editionFromApi(definition.edition) : null),
    [definition.edition],
  );
  const readOnly = stored?.status !== 'draft' || !can(session?.user.role, 'definition.edit');

  /** Saves each change with its own mutation (a toast each); stops at the first refusal. */
  const save = async (draft: Edition, afterSaved?: () => void) => {
    const api = definition.edition;
    if (!api || !stored) return;
    const { steps } = savePlan(stored, draft);
    if (steps.length === 0) return;
    const name = (step: SaveStep) =>
      step.kind === 'reorderAreas' ? t('editor.tab.structure') : itemName([draft, stored], step.item, locale);
    setSaving(true);
    setServerIssues([]);
    try {
      const run = await runSavePlan(client, editionKey, itemVersions(api), steps, (step) =>
        notify(t(savedMessage(step), { item: name(step) })),
      );
      if (!run.failed) {
        setCarried(null);
        setConflict(null);
        await definition.load();
        afterSaved?.();
        return;
      }
      const { step, error } = run.failed;
      if (error.__typename === 'ConflictError' && error.currentVersion != null) {
        // Never overwrite: show their state beside mine and offer a reload.
        const fresh = await definition.fetchFresh().catch(() => null);
        setConflict({
          item: name(step),
          theirVersion: error.currentVersion,
          theirs: (error.current as Record<string, unknown> | null) ?? null,
          mine: findItem(draft, step.item),
          saved: run.saved.map(name),
          notSaved: [step, ...run.notSent].map(name),
          theirEdition: fresh ? editionFromApi(fresh) : null,
        });
        notify(t('toast.conflict', { item: name(step) }), 'error');
        return;
      }
      setServerIssues(
        error.fieldErrors.length > 0
          ? [...error.fieldErrors]
          : [{ path: step.item.key, message: error.message }],
      );
      notify(t('toast.saveFailed', { message: `${name(step)}: ${error.message}` }), 'error');
      if (run.saved.length > 0) {
        // Part of the draft is stored now: reload, and keep the rest (with the API's keys for what it added).
        setCarried(withAddedKeys(draft, run.addedKeys));
        await definition.load();
      }
    } finally {
      setSaving(false);
    }
  };

  const reload = async () => {
    setConflict(null);
    setCarried(null);
    setServerIssues([]);
    await definition.load();
    setGeneration((n) => n + 1);
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
            // Another edition drops this one's unsaved draft: the editor's leave guard asks first.
            onChange={(key) => requestNavigation(paths.editor(key), navigate)}
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
          // A fresh editor (and draft) for each stored version of the definition.
          key={`${stored.key}:${definition.edition.version}:${generation}`}
          edition={stored}
          initialDraft={carried ?? undefined}
          readOnly={readOnly}
          saving={saving}
          conflict={conflict}
          serverIssues={serverIssues}
          onSave={(draft, afterSaved) => void save(draft, afterSaved)}
          onReload={() => void reload()}
          selectedId={selectedId}
          onSelectedIdChange={setSelectedId}
        />
      )}
    </>
  );
}
