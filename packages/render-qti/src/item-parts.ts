/** What one item type contributes to its assessmentItem; `assessment-item.ts` assembles it. */
export interface ItemParts {
  /** responseDeclaration elements. */
  responses: string;
  /** The interaction and what surrounds it, after the hint. */
  body: string;
  /** responseProcessing rules that set SCORE. */
  scoring: string;
  /** Identifier-valued expressions whose values name feedback to show (`<variable identifier="RESPONSE"/>`). */
  feedbackShown: string[];
  /** modalFeedback elements of the type (per option). */
  feedback: string[];
  /** A model answer the solution feedback opens with, or null. */
  answer: string | null;
}
