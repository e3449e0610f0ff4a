// What the pipeline needs to find exams and their decks before any is
// built, apart from the blueprint so that a build without exams loads little.
export { examDeckPaths } from './exam-deck-paths.js';

/** Files the build reads as exam blueprints rather than decks. */
export const EXAM_FILE = /\.exam\.ya?ml$/;
