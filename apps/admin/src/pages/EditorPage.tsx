import type { DraftEdit, Edition, ValidationIssue } from '@ksp/domain';
import { useMemo, useState } from 'react';
import { useClient } from 'urql';
import { Redirect, useLocation, useParams, useSearch } from 'wouter';
import { editionFromApi, itemVersions } from '../adapters/editionFromApi';
import { outcomeOf, type SaveOutcome, saveDraft, sendEdits } from '../api/saveDraft';
import { useEditionDefinition } from '../api/useEditionDefinition';
import { useEditions } from '../api/useEditions';
import { paths } from '../app/paths';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { EditionPicker } from '../features/editions/EditionPicker';
import { ConflictBanner } from '../features/editor/ConflictBanner';
import {
  type DraftConflict,
  draftConflict,
  keepingMine,
  takingTheirs,
} from '../features/editor/draftConflict';
import { SurveyEditor } from '../features/editor/SurveyEditor';
import { requestNavigation } from '../features/editor/useLeaveGuard';
import { useI18n } from '../i18n/I18nProvider';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews';
import { useToast } from '../ui/Toasts';

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
  const [conflict, setConflict] = useState<DraftConflict | null>(null);
  const [serverIssues, setServerIssues] = useState<ValidationIssue[]>([]);
  const [saving, setSaving] = useState(false);
  // Bumped by a reload, so the editor starts from the stored definition even if its version did not move.
  const [generation, setGeneration] = useState(0);
  // Kept here, not in the editor: a save remounts the editor (new version), and the selection should stay.
  // A link may name the node to start on (`?item=`, see paths.editorAt).
  const search = useSearch();
  const [selectedId, setSelectedId] = useState<string | null | undefined>(
    () => new URLSearchParams(search).get('item') ?? undefined,
  );

  const stored = useMemo(
    () => (definition.edition ? editionFromApi(definition.edition) : null),
    [definition.edition],
  );
  const readOnly = stored?.status !== 'draft' || !can(session?.user.role, 'definition.edit');

  /** What a save answered: one toast, the problems on their fields, or the conflict to resolve. */
  const settle = async (outcome: SaveOutcome, afterSaved?: () => void) => {
    if (outcome.kind === 'nothing') return afterSaved?.();
    if (outcome.kind === 'saved') {
      setConflict(null);
      notify(t('toast.savedChanges', { count: outcome.applied }));
      await definition.load();
      return afterSaved?.();
    }
    if (outcome.kind === 'failed')
      return notify(t('toast.saveFailed', { message: outcome.message }), 'error');
    const { refusal, edits, draft } = outcome;
    if (refusal.conflicts.length > 0) {
      // Never overwrite: show their values beside mine and let the admin choose.
      setConflict(draftConflict(refusal, edits, draft, locale));
      notify(t('toast.conflicts', { count: refusal.conflicts.length }), 'error');
      return;
    }
    setServerIssues(
      refusal.problems.map(({ path, code, params, item }) => ({
        path,
        code,
        message: code,
        params: Object.fromEntries(params.map(({ name, value }) => [name, value])),
        ...(item ? { item } : {}),
      })),
    );
    notify(t('toast.saveRefused', { count: refusal.problems.length }), 'error');
  };

  /** One save: every change between the stored definition and the draft, in one request, all or nothing. */
  const save = async (draft: Edition, afterSaved?: () => void) => {
    const api = definition.edition;
    if (!api || !stored) return;
    setSaving(true);
    setServerIssues([]);
    try {
      await settle(
        await saveDraft(client, editionKey, stored, draft, itemVersions(api), api.version),
        afterSaved,
      );
    } finally {
      setSaving(false);
    }
  };

  /** Sends the conflicting save again, resolved (mine or theirs on the fields both changed). */
  const resend = async (edits: DraftEdit[]) => {
    // Theirs on every field I changed: nothing of mine is left to save.
    if (edits.length === 0) return reload();
    setSaving(true);
    try {
      await settle(outcomeOf(await sendEdits(client, editionKey, edits), edits, stored as Edition));
    } finally {
      setSaving(false);
    }
  };

  const reload = async () => {
    setConflict(null);
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
          readOnly={readOnly}
          saving={saving}
          conflict={
            conflict && (
              <ConflictBanner
                conflict={conflict}
                onKeepMine={() => void resend(keepingMine(conflict))}
                onTakeTheirs={() => void resend(takingTheirs(conflict))}
                onReload={() => void reload()}
              />
            )
          }
          serverIssues={serverIssues}
          onSave={(draft, afterSaved) => void save(draft, afterSaved)}
          selectedId={selectedId}
          onSelectedIdChange={setSelectedId}
        />
      )}
    </>
  );
}
