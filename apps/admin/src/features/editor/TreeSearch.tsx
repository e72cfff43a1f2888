import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { Button } from '../../ui/Button';

interface TreeSearchProps {
  query: string;
  /** How many nodes match (shown while there is a query). */
  count: number;
  onChange: (query: string) => void;
}

/** The search box above the tree: filters it as you type, Escape (or the clear button) clears. */
export function TreeSearch({ query, count, onChange }: TreeSearchProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for some browsers (and jsdom)
    <div className="tree-search" role="search">
      <label htmlFor={id} className="field-label">
        {t('editor.search')}
      </label>
      <div className="row tree-search-row">
        <input
          id={id}
          type="search"
          className="input"
          placeholder={t('editor.searchPlaceholder')}
          value={query}
          aria-describedby={`${id}-count`}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && query) {
              event.preventDefault();
              onChange('');
            }
          }}
        />
        {query && (
          <Button size="sm" variant="ghost" onClick={() => onChange('')}>
            {t('editor.searchClear')}
          </Button>
        )}
      </div>
      <p id={`${id}-count`} className="muted tree-search-count" aria-live="polite">
        {query ? (count > 0 ? t('editor.searchCount', { count }) : t('editor.searchNone')) : ''}
      </p>
    </div>
  );
}
