import type { Renderer } from '@quizmark/model';
import type { QtiOptions } from './descriptor.js';
import { qtiPackage } from './qti-package.js';

/** The `qti` output: per deck `<name>.qti.zip`, a QTI 2.1 content package. */
export const qtiRenderer: Renderer<QtiOptions> = {
  async render({ decks, options }) {
    const plan = { shuffleItems: options.shuffleItems ?? false, select: options.select ?? null };
    return decks.map((input) => ({
      path: `${input.name}.qti.zip`,
      bytes: qtiPackage(input, plan),
      label: 'QTI 2.1 package (Canvas, Blackboard, Brightspace)',
    }));
  },
};
