import { useState } from 'react';
import { useMutation } from 'urql';
import { SetAwardRulesMutation } from '../../api/awards';
import { mutationOutcome } from '../../api/outcome';
import { formatScore } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nb';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { useToast } from '../../ui/Toasts';
import { type RulesCategory, type RulesForm, rulesFormErrors, rulesInput } from './awardsLogic';

export interface AwardRulesData {
  status: string;
  version: number;
  minContacts: number;
  minTotal: number;
  minCompaniesPerIndustry: number;
  minContactsPerChannel: number;
  categoriesAreDefault: boolean;
  categories: ReadonlyArray<RulesCategory & { name?: string | null }>;
}

/** The edition's award rules; admins edit the limits of a draft edition (version-checked `setAwardRules`). */
export function AwardRulesCard({
  editionKey,
  rules,
  canEdit,
  channelName,
  onSaved,
}: {
  editionKey: string;
  rules: AwardRulesData;
  canEdit: boolean;
  channelName: (key: string) => string;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const notify = useToast();
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState<RulesForm>(() => formOf(rules));
  const [shown, setShown] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, setAwardRules] = useMutation(SetAwardRulesMutation);
  const errors = rulesFormErrors(form, t);
  const editable = canEdit && rules.status === 'draft';

  const save = async () => {
    setShown(true);
    setProblem(null);
    if (Object.keys(errors).length > 0) return;
    const result = await setAwardRules({
      editionKey,
      version: rules.version,
      input: rulesInput(form, rules.categories, rules.categoriesAreDefault),
    });
    const outcome = mutationOutcome(result.data?.setAwardRules, 'EditionAwardRules', result.error);
    if (outcome.ok) {
      notify(t('awards.rules.saved'));
      setEditing(false);
      onSaved();
      return;
    }
    const details = outcome.error.fieldErrors.map((e) => `${e.path}: ${e.message}`);
    setProblem([outcome.error.message, ...details].filter(Boolean).join(' · '));
  };

  const field = (name: keyof RulesForm, label: MessageKey) => (
    <TextField
      label={t(label)}
      inputMode="decimal"
      value={form[name]}
      error={shown ? errors[name] : undefined}
      onChange={(event) => setForm({ ...form, [name]: event.target.value })}
    />
  );

  return (
    <section className="card stack" aria-labelledby="award-rules-title">
      <div className="awards-head">
        <h2 id="award-rules-title" className="card-title">
          {t('awards.rules.title')}
        </h2>
        {editable && !editing && (
          <Button
            onClick={() => {
              setForm(formOf(rules));
              setEditing(true);
            }}
          >
            {t('awards.rules.edit')}
          </Button>
        )}
      </div>
      {!editable && <p className="muted">{t('awards.rules.readOnly')}</p>}
      {editing ? (
        <div className="stack">
          <div className="awards-form">
            {field('minContacts', 'awards.rules.minContacts')}
            {field('minTotal', 'awards.rules.minTotal')}
            {field('minCompaniesPerIndustry', 'awards.rules.minCompaniesPerIndustry')}
            {field('minContactsPerChannel', 'awards.rules.minContactsPerChannel')}
          </div>
          {problem && (
            <p className="issues" role="alert">
              {problem}
            </p>
          )}
          <div className="row">
            <Button variant="primary" busy={fetching} onClick={save}>
              {t('common.save')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
          </div>
        </div>
      ) : (
        <dl className="awards-rules">
          <div>
            <dt>{t('awards.rules.minContacts')}</dt>
            <dd>{rules.minContacts}</dd>
          </div>
          <div>
            <dt>{t('awards.rules.minTotal')}</dt>
            <dd>{formatScore(rules.minTotal, locale)}</dd>
          </div>
          <div>
            <dt>{t('awards.rules.minCompaniesPerIndustry')}</dt>
            <dd>{rules.minCompaniesPerIndustry}</dd>
          </div>
          <div>
            <dt>{t('awards.rules.minContactsPerChannel')}</dt>
            <dd>{rules.minContactsPerChannel}</dd>
          </div>
        </dl>
      )}
      <div>
        <h3 className="section-title">{t('awards.rules.categories')}</h3>
        {rules.categoriesAreDefault && <p className="muted">{t('awards.rules.defaultCategories')}</p>}
        <ul>
          {rules.categories.map((c) => (
            <li key={c.key}>
              {c.name ?? c.key} — {t(`awards.kind.${c.kind}` as MessageKey)}
              {c.kind === 'bestOnChannel' &&
                ` (${c.channel ? channelName(c.channel) : t('awards.everyChannel')})`}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function formOf(rules: AwardRulesData): RulesForm {
  return {
    minContacts: String(rules.minContacts),
    minTotal: String(rules.minTotal),
    minCompaniesPerIndustry: String(rules.minCompaniesPerIndustry),
    minContactsPerChannel: String(rules.minContactsPerChannel),
  };
}
