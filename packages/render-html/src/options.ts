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
  /** Folder of templates replacing the defaults by file name (`--template <dir>`). */
  templateDir: z.string({ error: 'a folder' }).min(1, { error: 'a folder' }).optional(),
});

export type HtmlOptions = z.infer<typeof HtmlOptionsSchema>;
