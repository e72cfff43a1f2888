import type { Edition, ValidationIssue } from '@ksp/domain';
import { Link } from 'wouter';
import { paths } from '../../app/paths';
import { type Translate, useI18n } from '../../i18n/I18nProvider';
import { definitionIssueText } from '../editor/issueText';
import { type IssueLocation, issueLocation } from './issueLocation';

/** The place's names ("Area › Performance › Question"), or the part of the editor an edition-wide rule is in. */
function whereText(t: Translate, location: IssueLocation): string {
  if (location.names.length > 0) return location.names.join(' › ');
  if (location.section === 'channels') return t('editions.placeChannels');
  if (location.section === 'scoring') return t('editions.placeScoring');
  return t('editions.placeEdition');
}

/** Definition issues worded from their codes, each with where it is, linked to that place in the editor. */
export function IssueList({ edition, issues }: { edition: Edition; issues: readonly ValidationIssue[] }) {
  const { t, locale } = useI18n();
  return (
    <ul className="publish-issues">
      {issues.map((issue) => {
        const location = issueLocation(edition, issue.path, locale);
        const href = location.nodeId
          ? paths.editorAt(edition.key, location.nodeId)
          : paths.editor(edition.key);
        return (
          <li key={`${issue.path}:${issue.code}`}>
            <Link href={href}>{whereText(t, location)}</Link>: {definitionIssueText(t, issue)}
          </li>
        );
      })}
    </ul>
  );
}
