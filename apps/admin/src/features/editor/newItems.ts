import {
  type AnswerOption,
  addItem,
  byOrder,
  type ContainerRef,
  type Edition,
  freeKey,
  type ItemLevel,
  type ItemOf,
  type Question,
  takenKeys,
} from '@ksp/domain';
import { nodeId } from './treeNodes';

// What the editor adds when the admin asks for a new item: the item's defaults and a placeholder key
// (`new_area`, `new_area_2`, …); the save makes the stored key from the item's name (nameNewKeys).

/** Adds `item` (built for its provisional key) at the end of `container`. */
function addNew<L extends ItemLevel>(
  edition: Edition,
  container: ContainerRef,
  level: L,
  base: string,
  build: (key: string) => Omit<ItemOf[L], 'order'>,
): { edition: Edition; key: string } {
  const key = freeKey(base, takenKeys(edition, level, container));
  return { edition: addItem(edition, container, level, build(key)), key };
}

export function addArea(edition: Edition): { edition: Edition; id: string } {
  const added = addNew<'area'>(edition, { level: 'edition' }, 'area', 'new_area', (key) => ({
    key,
    name: {},
    description: {},
    counting: 'scored',
    weight: edition.scoring.areaWeighting === 'weighted' ? 1 : null,
    performances: [],
  }));
  return { edition: added.edition, id: nodeId('area', added.key) };
}

export function addPerformance(edition: Edition, areaKey: string): { edition: Edition; id: string } {
  const added = addNew<'performance'>(
    edition,
    { level: 'area', key: areaKey },
    'performance',
    'new_performance',
    (key) => ({
      key,
      name: {},
      description: {},
      questions: [],
    }),
  );
  return { edition: added.edition, id: nodeId('performance', areaKey, added.key) };
}

/** A new yes/no question asked on every channel of the edition, 1 point for yes. */
export function addQuestion(edition: Edition, [areaKey = '', performanceKey = '']: readonly string[]) {
  const options: AnswerOption[] = [
    { key: 'yes', label: { nb: 'Ja', en: 'Yes' }, order: 0, points: 1, value: null },
    { key: 'no', label: { nb: 'Nei', en: 'No' }, order: 1, points: 0, value: null },
  ];
  const added = addNew<'question'>(
    edition,
    { level: 'performance', key: performanceKey },
    'question',
    'new_question',
    (key) => ({
      key,
      text: {},
      type: 'yesNo',
      channels: byOrder(edition.channels).map((c) => c.key),
      scored: true,
      allowNotApplicable: false,
      required: true,
      options,
      cxMetric: null,
      critical: null,
      bonus: false,
    }),
  );
  return { edition: added.edition, id: nodeId('question', areaKey, performanceKey, added.key) };
}

/** A new option at the end of a question's options: 0 points on a scored question. */
export function addOption(edition: Edition, question: Question): Edition {
  const container = { level: 'question', key: question.key } as const;
  return addNew<'option'>(edition, container, 'option', 'option', (key) => ({
    key,
    label: {},
    points: question.scored ? 0 : null,
    value: null,
  })).edition;
}
