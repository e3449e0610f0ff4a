import { findAll, type XmlElement } from './qti-support.js';

// A small interpreter for the QTI 2.1 response processing this package
// writes (the spec's semantics for the expressions it uses), so tests grade
// real answers against the XML instead of comparing markup with itself.

type Value = null | number | string | string[];

interface Declaration {
  cardinality: string;
  baseType: string;
  correct: string[];
  mapping: XmlElement | null;
}

const child = (element: XmlElement, name: string) =>
  element.children.find((c) => c.name === name) ?? null;

function declarations(item: XmlElement): Map<string, Declaration> {
  const out = new Map<string, Declaration>();
  for (const declaration of findAll(item, 'responseDeclaration')) {
    const correct = child(declaration, 'correctResponse');
    out.set(declaration.attributes.identifier!, {
      cardinality: declaration.attributes.cardinality!,
      baseType: declaration.attributes.baseType!,
      correct: correct ? correct.children.map((value) => value.text) : [],
      mapping: child(declaration, 'mapping'),
    });
  }
  return out;
}

function mapped(declaration: Declaration, value: Value): number {
  const mapping = declaration.mapping!;
  const values = value === null ? [] : Array.isArray(value) ? value : [String(value)];
  let total = 0;
  const used = new Set<XmlElement>();
  for (const entry of values) {
    const hit = mapping.children.find((e) => {
      const key = e.attributes.mapKey!;
      return e.attributes.caseSensitive === 'false'
        ? key.toLowerCase() === entry.toLowerCase()
        : key === entry;
    });
    // Each mapEntry counts once, whatever the number of matching values.
    if (hit && !used.has(hit)) {
      used.add(hit);
      total += Number(hit.attributes.mappedValue);
    } else if (!hit) total += Number(mapping.attributes.defaultValue ?? 0);
  }
  const lower = mapping.attributes.lowerBound;
  const upper = mapping.attributes.upperBound;
  if (lower !== undefined) total = Math.max(Number(lower), total);
  if (upper !== undefined) total = Math.min(Number(upper), total);
  return total;
}

function same(a: Value, b: Value, cardinality: string): boolean | null {
  if (a === null || b === null) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (cardinality === 'ordered') return a.join('\n') === b.join('\n');
    return [...a].sort().join('\n') === [...b].sort().join('\n');
  }
  return a === b;
}

/** Runs an item's responseProcessing on the given responses: its outcome values. */
export function evaluate(
  item: XmlElement,
  responses: Record<string, Value>,
): { SCORE: number; FEEDBACK: string[] } {
  const declared = declarations(item);
  const outcomes: Record<string, Value> = { SCORE: 0, FEEDBACK: null };
  const responseValue = (identifier: string): Value => {
    const value = responses[identifier] ?? null;
    const declaration = declared.get(identifier);
    if (declaration?.baseType === 'float' && typeof value === 'string') {
      const number = Number(value);
      return Number.isNaN(number) ? null : number;
    }
    return value;
  };
  const expression = (node: XmlElement): Value | boolean => {
    const args = () => node.children.map(expression);
    switch (node.name) {
      case 'baseValue':
        return node.attributes.baseType === 'float' ? Number(node.text) : node.text;
      case 'variable': {
        const id = node.attributes.identifier!;
        return declared.has(id) ? responseValue(id) : (outcomes[id] ?? null);
      }
      case 'correct': {
        const declaration = declared.get(node.attributes.identifier!)!;
        return declaration.cardinality === 'single' ? declaration.correct[0]! : declaration.correct;
      }
      case 'mapResponse': {
        const id = node.attributes.identifier!;
        return mapped(declared.get(id)!, responseValue(id));
      }
      case 'match': {
        const [a, b] = args() as Value[];
        const id = node.children[0]!.attributes.identifier!;
        return same(a!, b!, declared.get(id)?.cardinality ?? 'single') === true;
      }
      case 'and':
        return args().every((value) => value === true);
      case 'gte':
      case 'lte': {
        const [a, b] = args();
        if (typeof a !== 'number' || typeof b !== 'number') return false;
        return node.name === 'gte' ? a >= b : a <= b;
      }
      case 'sum':
        return (args() as number[]).reduce((total, value) => total + value, 0);
      case 'product':
        return (args() as number[]).reduce((total, value) => total * value, 1);
      case 'divide': {
        const [a, b] = args() as number[];
        return a! / b!;
      }
      case 'multiple':
        return args().flatMap((value) =>
          value === null ? [] : Array.isArray(value) ? value : [String(value)],
        );
      default:
        throw new Error(`the evaluator does not know <${node.name}>`);
    }
  };
  const run = (rules: readonly XmlElement[]) => {
    for (const rule of rules) {
      if (rule.name === 'setOutcomeValue')
        outcomes[rule.attributes.identifier!] = expression(rule.children[0]!) as Value;
      else if (rule.name === 'responseCondition') {
        for (const branch of rule.children) {
          if (branch.name === 'responseElse') {
            run(branch.children);
            break;
          }
          if (expression(branch.children[0]!) === true) {
            run(branch.children.slice(1));
            break;
          }
        }
      } else throw new Error(`the evaluator does not know rule <${rule.name}>`);
    }
  };
  const processing = findAll(item, 'responseProcessing')[0];
  if (processing) run(processing.children);
  return {
    SCORE: outcomes.SCORE as number,
    FEEDBACK: (outcomes.FEEDBACK as string[] | null) ?? [],
  };
}
