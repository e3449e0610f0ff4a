import type { Deck, Section } from '@quizmark/model';
import { QTI_NS, QTI_SCHEMA_LOCATION } from './assessment-item.js';
import { itemFile, itemIdentifier, sectionIdentifier, testIdentifier } from './identifiers.js';
import { type BodyContext, richXml } from './qti-body.js';
import { outcomeDeclaration, SCORE } from './response-processing.js';
import { element, XML_DECLARATION } from './xml-text.js';

/** How the test picks and orders items, as the options say. */
export interface TestPlan {
  shuffleItems: boolean;
  /** Items drawn per section; null keeps them all. */
  select: number | null;
}

/** `select` as a section can honour it: no more than it holds (`check` warns when it is cut). */
export const selectFor = (section: Section, select: number | null) =>
  select === null || section.items.length === 0 ? null : Math.min(select, section.items.length);

function sectionXml(section: Section, plan: TestPlan, rubric: string, context: BodyContext) {
  const select = selectFor(section, plan.select);
  const description = section.description ? richXml(section.description, context) : '';
  const rubricText = rubric + description;
  return element(
    'assessmentSection',
    { identifier: sectionIdentifier(section.id), title: section.title, visible: true },
    (select === null ? '' : element('selection', { select })) +
      (plan.shuffleItems ? element('ordering', { shuffle: true }) : '') +
      (rubricText === '' ? '' : element('rubricBlock', { view: 'candidate' }, rubricText)) +
      section.items
        .map((item) =>
          element('assessmentItemRef', {
            identifier: itemIdentifier(item.id),
            // The test file sits at the root, beside the items folder.
            href: itemFile(item.id),
            required: select !== null && item.pinned ? true : null,
            fixed: plan.shuffleItems && item.pinned ? true : null,
          }),
        )
        .join(''),
  );
}

/** The deck as one assessmentTest: one testPart, a section per deck section, SCORE their sum. */
export function assessmentTestXml(deck: Deck, plan: TestPlan, context: BodyContext): string {
  const opening =
    (deck.description ? richXml(deck.description, context) : '') +
    (deck.instructions ? richXml(deck.instructions, context) : '');
  // A testPart needs a section: a deck without any gets one, empty, named after the deck.
  const parts: readonly Section[] =
    deck.sections.length > 0
      ? deck.sections
      : [{ id: deck.id, title: deck.title, description: null, pageBreak: false, items: [] }];
  const sections = parts
    .map((section, index) => sectionXml(section, plan, index === 0 ? opening : '', context))
    .join('');
  return (
    XML_DECLARATION +
    element(
      'assessmentTest',
      {
        xmlns: QTI_NS,
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xsi:schemaLocation': QTI_SCHEMA_LOCATION,
        identifier: testIdentifier(deck.id),
        title: deck.title,
      },
      outcomeDeclaration(SCORE, 'single', 'float', '0') +
        element(
          'testPart',
          { identifier: 'part-1', navigationMode: 'nonlinear', submissionMode: 'individual' },
          sections,
        ) +
        element(
          'outcomeProcessing',
          {},
          element(
            'setOutcomeValue',
            { identifier: SCORE },
            element('sum', {}, element('testVariables', { variableIdentifier: SCORE })),
          ),
        ),
    ) +
    '\n'
  );
}
