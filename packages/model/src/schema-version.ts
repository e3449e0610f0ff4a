/**
 * Version of the model's JSON shape. Bump the major part for breaking
 * changes, the minor part for new fields; consumers check it before reading
 * a deck. 1.1: the deck's author, course, date, version and instructions.
 * 1.2: item types truefalse, numeric, short, cloze, matching and ordering;
 * the `cloze` inline node; an option's `feedback`. 1.3: the `math` block
 * node (display math), and `inlineMath` parsed from `$…$`. 1.4: print
 * fields: an item's `points`, `scoring`, `answerSpace` and `pageBreak`, a
 * section's `pageBreak`, the deck's cover `fields`.
 */
export const SCHEMA_VERSION = '1.4';
