import { Link } from 'wouter';
import { paths } from '../../app/paths';
import { useI18n } from '../../i18n/I18nProvider';
import './Awards.css';

type ResultsTab = 'ranking' | 'awards' | 'whatIf';

/** Results, award results and what-if are views of one edition's results: tabs under the Results menu item. */
export function ResultsTabs({ current, editionKey }: { current: ResultsTab; editionKey: string }) {
  const { t } = useI18n();
  const tabs: Array<{ id: ResultsTab; href: string; label: string }> = [
    {
      id: 'ranking',
      href: editionKey ? paths.results(editionKey) : '/results',
      label: t('awards.tabRanking'),
    },
    { id: 'awards', href: editionKey ? paths.awards(editionKey) : '/results/awards', label: t('nav.awards') },
    {
      id: 'whatIf',
      href: editionKey ? paths.whatIf(editionKey) : '/results/what-if',
      label: t('nav.whatIf'),
    },
  ];
  return (
    <nav className="results-tabs" aria-label={t('awards.tabs')}>
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          href={tab.href}
          className={tab.id === current ? 'results-tab is-active' : 'results-tab'}
          aria-current={tab.id === current ? 'page' : undefined}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
