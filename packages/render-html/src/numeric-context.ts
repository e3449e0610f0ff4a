import type { Numeric } from '@quizmark/model';
import { baseContext, type ItemBaseContext, type RichRenderer } from './item-base-context.js';

export interface NumericContext extends ItemBaseContext {
  type: 'numeric';
  inputId: string;
  answer: {
    /** As the author wrote it ("9 ± 2% J"). */
    text: string;
    unit: string | null;
    /** The accepted interval for the script, full precision. */
    min: string;
    max: string;
    /** "8.82 to 9.18 J", or "exactly 42" for an exact answer. */
    accepted: string;
  };
}

export function numericContext(item: Numeric, rich: RichRenderer, number: number): NumericContext {
  const base = baseContext(item, item.stem, rich, number);
  const { answer } = item;
  const unit = answer.unit ? ` ${answer.unit}` : '';
  return {
    ...base,
    type: 'numeric',
    inputId: `${base.anchor}-answer`,
    answer: {
      text: answer.text,
      unit: answer.unit,
      min: String(answer.min),
      max: String(answer.max),
      accepted:
        answer.min === answer.max
          ? `exactly ${shown(answer.min)}${unit}`
          : `${shown(answer.min)} to ${shown(answer.max)}${unit}`,
    },
  };
}

/** A bound as a reader writes it: 9.76, not 9.760000000000002. */
function shown(value: number): string {
  return String(Number(value.toPrecision(12)));
}
