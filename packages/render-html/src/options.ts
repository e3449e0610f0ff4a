import { z } from 'zod';

export const HtmlOptionsSchema = z.strictObject({
  /**
   * `both` (default): `<name>.html` in the study view and `<name>.answers.html`,
   * the teacher's copy. `study` or `answers`: only `<name>.html`, in that view.
   */
  view: z.enum(['study', 'answers', 'both'], { error: 'one of study, answers, both' }).optional(),
  /**
   * Whether the study page and `index.html` link to the teacher's copy
   * (default true, with `view: both`). False (`--no-answers-link`) for
   * publishing to students: the copy is still written, but nothing points to it.
   */
  answersLink: z.boolean({ error: 'true or false' }).optional(),
  /** How many questions Test mode draws (`--test-length`, 10 by default): an exam file asks for all of its own. */
  testLength: z
    .number({ error: 'a whole number from 1 to 1000' })
    .int({ error: 'a whole number from 1 to 1000' })
    .min(1, { error: 'a whole number from 1 to 1000' })
    .max(1000, { error: 'a whole number from 1 to 1000' })
    .optional(),
  /** Folder of templates replacing the defaults by file name (`--template <dir>`). */
  templateDir: z.string({ error: 'a folder' }).min(1, { error: 'a folder' }).optional(),
});

export type HtmlOptions = z.infer<typeof HtmlOptionsSchema>;
