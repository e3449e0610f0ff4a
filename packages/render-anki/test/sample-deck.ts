import { deflateSync } from 'node:zlib';
import type {
  Asset,
  Block,
  Choice,
  Deck,
  DeckInput,
  Explain,
  Flashcard,
  Inline,
  RichText,
} from '@quizmark/model';

// Decks built by hand as model objects, shaped like the seed deck: every item
// type, code, inline code, images, tags that need normalising.

const text = (value: string): Inline => ({ type: 'text', value });
export const para = (...children: Array<Inline | string>): Block => ({
  type: 'paragraph',
  children: children.map((child) => (typeof child === 'string' ? text(child) : child)),
});
export const rich = (...children: Array<Block | string>): RichText => ({
  markdown: '',
  children: children.map((child) => (typeof child === 'string' ? para(child) : child)),
});
const code = (lang: string, value: string): Block => ({ type: 'code', lang, value });

const base = {
  tags: [] as string[],
  level: null,
  difficulty: null,
  hint: null,
  steps: [],
  quickCheck: null,
  mistakes: [],
  explanation: null,
  pinned: false,
};

export function flashcard(
  id: string,
  front: string,
  back: string,
  extra: Partial<Flashcard> = {},
): Flashcard {
  return {
    type: 'flashcard',
    ...base,
    id,
    title: front,
    front: rich(front),
    back: rich(back),
    ...extra,
  };
}

export function choice(
  id: string,
  stem: RichText,
  options: Array<[string, boolean]>,
  extra: Partial<Choice> = {},
): Choice {
  return {
    type: 'choice',
    ...base,
    id,
    title: id,
    stem,
    options: options.map(([value, correct], index) => ({
      key: String.fromCharCode(97 + index),
      text: rich(value),
      correct,
      pinned: false,
    })),
    multiple: options.filter(([, correct]) => correct).length > 1,
    shuffle: true,
    ...extra,
  };
}

export function explain(
  id: string,
  prompt: string,
  concepts: string[],
  extra: Partial<Explain> = {},
): Explain {
  return {
    type: 'explain',
    ...base,
    id,
    title: prompt,
    prompt: rich(prompt),
    concepts: concepts.map((concept) => rich(concept)),
    ...extra,
  };
}

const deployCode = `class Model:
    def __init__(self, accuracy):
        self.accuracy = accuracy

def deploy_model(model):
    if model.accuracy > 0.8:
        return "Deploy successful"
    else:
        return "Deploy failed"

result = deploy_model(Model(accuracy=0.85))
print(result)`;

export function sampleDeck(): Deck {
  return {
    schemaVersion: '1.0',
    id: 'mlops-basics',
    title: 'What is MLOps - Quick Revision & Key Takeaways',
    topic: 'MLOps',
    category: 'devops',
    duration: '5 min',
    tags: ['mlops', 'dev ops'],
    language: 'en',
    description: rich('A quick revision of MLOps.'),
    sections: [
      {
        id: 'recall-review',
        title: 'Recall & Review',
        description: null,
        items: [
          flashcard(
            'what-does-mlops-stand-for',
            'What does MLOps stand for?',
            'MLOps stands for Machine Learning Operations. It combines machine learning and software engineering to deploy and maintain ML models in production reliably.',
            { level: 'beginner', tags: ['Machine Learning'], hint: rich('Think of DevOps.') },
          ),
          flashcard(
            'name-two-key-components',
            'Name two key components of MLOps.',
            'CI/CD for ML models, and monitoring models in production to detect data drift.',
            { level: 'intermediate' },
          ),
        ],
      },
      {
        id: 'practice',
        title: 'Practice',
        description: null,
        items: [
          choice(
            'deploy-threshold',
            rich(
              'Consider this simplified MLOps pipeline step:',
              code('python', deployCode),
              para(
                'What will be the output of ',
                { type: 'inlineCode', value: 'print(result)' },
                '?',
              ),
            ),
            [
              ['Deploy successful', true],
              ['Deploy failed', false],
              ['SyntaxError', false],
              ['No output', false],
            ],
            {
              difficulty: 'medium',
              steps: [
                {
                  title: 'Check model accuracy condition',
                  body: rich('The accuracy is 0.85, greater than 0.8, so the condition is true.'),
                },
                {
                  title: 'Determine function return value',
                  body: rich('The function returns "Deploy successful", which is printed.'),
                },
              ],
              quickCheck: rich('Accuracy 0.85 > 0.8 means deploy success.'),
              hint: rich('Check if accuracy > 0.8 for success.'),
              mistakes: [
                rich('Confusing greater than with less than'),
                rich('Expecting a syntax error due to code formatting'),
              ],
            },
          ),
          choice(
            'mlops-practices',
            rich('Which of these are part of MLOps?'),
            [
              ['Monitoring model performance in production', true],
              ['Designing user interfaces', false],
              ['Automating model retraining', true],
            ],
            {
              difficulty: 'hard',
              explanation: rich('Monitoring and retraining keep models accurate.'),
            },
          ),
        ],
      },
      {
        id: 'explain',
        title: 'Explain',
        description: rich('Say it out loud, then check.'),
        items: [
          explain(
            'explain-mlops',
            'Explain what MLOps is and why it is useful.',
            [
              'Combines machine learning with software engineering',
              'Automates testing and deployment of models',
              'Monitors models in production',
            ],
            {
              level: 'advanced',
              hint: rich(
                'Think about how software is delivered and maintained, then add ML specifics.',
              ),
            },
          ),
        ],
      },
    ],
  };
}

/** A small valid PNG of one colour, so two "images" can differ in content. */
export function png(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(body));
    return Buffer.concat([head, body, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3]!)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(pixels)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

const asset = (url: string, path: string, bytes: Uint8Array): Asset => ({
  url,
  path,
  mediaType: 'image/png',
  bytes,
});

/** The sample deck with two different images that share the file name `diagram.png`. */
export function sampleDeckWithImages(): DeckInput {
  const deck = sampleDeck();
  const image = (url: string, alt: string): Inline => ({ type: 'image', url, alt, title: null });
  const recall = deck.sections[0]!.items;
  recall.push(
    flashcard(
      'pipeline-diagram',
      'What does this pipeline diagram show?',
      'Training feeds deployment.',
      {
        front: rich(
          'What does this pipeline diagram show?',
          para(image('images/pipeline/diagram.png', 'Pipeline')),
        ),
      },
    ),
    flashcard('monitoring-diagram', 'What does this monitoring diagram show?', 'Drift alerts.', {
      front: rich(
        'What does this monitoring diagram show?',
        para(image('images/monitoring/diagram.png', 'Monitoring')),
      ),
    }),
  );
  const pipeline = asset(
    'images/pipeline/diagram.png',
    'content/images/pipeline/diagram.png',
    png(120, 60, [9, 105, 218]),
  );
  const monitoring = asset(
    'images/monitoring/diagram.png',
    'content/images/monitoring/diagram.png',
    png(120, 60, [26, 127, 55]),
  );
  return {
    deck,
    name: 'mlops',
    assets: new Map([
      [pipeline.url, pipeline],
      [monitoring.url, monitoring],
    ]),
  };
}

export function sampleInput(): DeckInput {
  return { deck: sampleDeck(), name: 'mlops', assets: new Map() };
}
