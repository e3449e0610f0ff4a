import { type Numeric, numericBounds } from '@quizmark/model';
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
  const bounds = numericBounds(answer);
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
          ? `exactly ${bounds.min}${unit}`
          : `${bounds.min} to ${bounds.max}${unit}`,
    },
  };
}
