import { type Edition, type Locale, textIn } from '@ksp/domain';
import { findNode, placeOfPath } from '../editor/treeNodes';

/** Where in the survey an issue's path points: the names to show, and the editor's tree node when it has one. */
export interface IssueLocation {
  /** Area, performance, question (as deep as the path goes); a channel's name; empty for edition-wide rules. */
  names: string[];
  section: 'structure' | 'channels' | 'scoring';
  nodeId?: string;
}

export function issueLocation(edition: Edition, path: string, locale: Locale): IssueLocation {
  const place = placeOfPath(edition, path);
  if (place.tab === 'channels') {
    const channel = edition.channels[Number(/^channels\[(\d+)\]/.exec(path)?.[1] ?? -1)];
    return { names: channel ? [textIn(channel.name, locale) || channel.key] : [], section: 'channels' };
  }
  if (!place.nodeId) return { names: [], section: place.tab };
  const { area, performance, question } = findNode(edition, place.nodeId);
  const names = [
    area && (textIn(area.name, locale) || area.key),
    performance && (textIn(performance.name, locale) || performance.key),
    question && (textIn(question.text, locale) || question.key),
  ].filter((name): name is string => Boolean(name));
  return { names, section: 'structure', nodeId: place.nodeId };
}
