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
import {
  type CollectionRequest,
  type RenderRequest,
  SCHEMA_VERSION,
  summarizeDeck,
} from '@quizmark/model';

// Decks built by hand as model objects: the parser's output shape, without
// depending on the parser, so render tests pin down the renderer alone.

const text = (value: string): Inline => ({ type: 'text', value });
export const para = (...children: Array<string | Inline>): Block => ({
  type: 'paragraph',
  children: children.map((child) => (typeof child === 'string' ? text(child) : child)),
});
export const rich = (...children: Array<string | Block>): RichText => ({
  markdown: '',
  children: children.map((child) => (typeof child === 'string' ? para(child) : child)),
});

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
    ...base,
    type: 'flashcard',
    id,
    title: front,
    front: rich(front),
    back: rich(back),
    ...extra,
  };
}

export function choice(
  id: string,
  stem: string,
  options: string[],
  correct: number[],
  extra: Partial<Choice> = {},
): Choice {
  return {
    ...base,
    type: 'choice',
    id,
    title: stem,
    stem: rich(stem),
    options: options.map((option, index) => ({
      key: String.fromCharCode(97 + index),
      text: rich(option),
      correct: correct.includes(index),
      pinned: false,
    })),
    multiple: correct.length > 1,
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
    ...base,
    type: 'explain',
    id,
    title: prompt,
    prompt: rich(prompt),
    concepts: concepts.map((concept) => rich(concept)),
    ...extra,
  };
}

export function deckInput(deck: Deck, name: string, assets: Asset[] = []): DeckInput {
  return { deck, name, assets: new Map(assets.map((asset) => [asset.url, asset])) };
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

/** A 1×1 PNG, to check that images are inlined as data URIs. */
export const PIXEL: Asset = {
  url: './img/pixel.png',
  path: 'img/pixel.png',
  mediaType: 'image/png',
  bytes: Uint8Array.from(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    ),
  ),
};

/** A deck in the shape of the seed page, with a few more constructs (several correct options, an explanation). */
export const sampleDeck: Deck = {
  schemaVersion: SCHEMA_VERSION,
  id: 'mlops-basics',
  title: 'MLOps essentials & self-check',
  topic: 'MLOps',
  category: 'devops',
  duration: '5 min',
  tags: ['mlops', 'devops'],
  language: 'en',
  description: rich('Revise the essentials of MLOps, then test yourself.'),
  sections: [
    {
      id: 'recall-review',
      title: 'Recall & Review',
      description: null,
      items: [
        flashcard(
          'what-does-mlops-stand-for',
          'What does MLOps stand for?',
          'MLOps stands for Machine Learning Operations.',
          { level: 'beginner', tags: ['definitions'] },
        ),
        flashcard(
          'mlops-components',
          'Name two key components of MLOps.',
          'CI/CD for ML models, and monitoring models in production.',
          { level: 'intermediate' },
        ),
        flashcard(
          'mlops-challenges',
          'What challenges does MLOps address?',
          'Data versions, automated retraining, reproducibility and monitoring.',
          { level: 'advanced' },
        ),
      ],
    },
    {
      id: 'quiz',
      title: 'Quiz',
      description: rich('Pick one answer per question.'),
      items: [
        choice(
          'main-goal',
          'What is the main goal of MLOps?',
          [
            'To create user interfaces for ML applications',
            'To write machine learning algorithms from scratch',
            'To replace data scientists with software engineers',
            'To automate and improve the deployment and maintenance of machine learning models',
          ],
          [3],
        ),
        choice(
          'mlops-parts',
          'Which of these are part of MLOps?',
          [
            'Monitoring model performance in production',
            'Designing logos',
            'Automating model retraining',
          ],
          [0, 2],
          { hint: rich('Think about what happens after deployment.') },
        ),
      ],
    },
    {
      id: 'practice',
      title: 'Practice',
      description: null,
      items: [
        {
          ...choice(
            'deploy-threshold',
            'Consider this simplified MLOps pipeline step:',
            ['Deploy successful', 'Deploy failed', 'SyntaxError', 'No output'],
            [0],
            {
              difficulty: 'medium',
              hint: rich('Check if accuracy > 0.8 for success.'),
              steps: [
                {
                  title: 'Check model accuracy condition',
                  body: rich('The model accuracy is 0.85, which is greater than 0.8.'),
                },
                {
                  title: 'Determine function return value',
                  body: rich('The function returns "Deploy successful", which is printed.'),
                },
              ],
              quickCheck: rich('Accuracy 0.85 > 0.8 means deploy success.'),
              mistakes: [
                rich('Confusing greater than with less than'),
                rich('Ignoring the print statement output'),
              ],
            },
          ),
          stem: rich(
            'Consider this simplified MLOps pipeline step:',
            { type: 'code', lang: 'python', value: deployCode },
            para('What will be the output?'),
          ),
        },
        choice(
          'keep-accurate',
          'Which step best keeps a deployed model accurate over time?',
          [
            'Deploying the model once and never updating it',
            'Ignoring monitoring metrics after deployment',
            'Regularly retraining the model with new data',
            'Using manual testing only before deployment',
          ],
          [2],
          { difficulty: 'hard', explanation: rich('Data changes; retraining keeps up with it.') },
        ),
      ],
    },
    {
      id: 'explain',
      title: 'Explain',
      description: null,
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
            hint: rich(
              'Think about how software is delivered and maintained, then add ML specifics.',
            ),
          },
        ),
      ],
    },
  ],
};

/** Author content that tries to run script in every way the sanitiser must stop. */
export const hostileDeck: Deck = {
  ...sampleDeck,
  id: 'hostile',
  title: 'Hostile <script>window.__pwned = 1</script> deck',
  description: rich({
    type: 'html',
    value: '<script>window.__pwned = "description"; alert(1)</script>',
  }),
  sections: [
    {
      id: 'payloads',
      title: 'Payloads "><img src=x onerror=alert(1)>',
      description: null,
      items: [
        flashcard('script-tag', 'Script tag', 'Answer', {
          front: rich(
            para('Script tag ', {
              type: 'html',
              value: '<script>window.__pwned = "front"</script>',
            }),
          ),
          back: rich({
            type: 'html',
            value: '<img src="x" onerror="window.__pwned = \'onerror\'">',
          }),
        }),
        {
          ...choice('link', 'Links', ['Safe <kbd>Ctrl</kbd>', 'Other'], [0]),
          stem: rich(
            para('Click ', {
              type: 'link',
              url: 'javascript:window.__pwned="link"',
              title: null,
              children: [text('here')],
            }),
            {
              type: 'html',
              value:
                '<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, x<sup>2</sup></p><iframe src="javascript:alert(1)"></iframe><svg onload="window.__pwned=\'svg\'"></svg>',
            },
          ),
          options: [
            {
              key: 'a',
              text: rich({
                type: 'html',
                value: '<b onmouseover="window.__pwned=1">Safe</b> <kbd>Ctrl</kbd>',
              }),
              correct: true,
              pinned: false,
            },
            {
              key: 'b',
              text: rich({ type: 'html', value: '<a href="javascript:alert(1)">Other</a>' }),
              correct: false,
              pinned: false,
            },
          ],
        },
        explain('styles', 'Styles <style>body{display:none}</style>', ['{{constructor}}'], {
          hint: rich({
            type: 'html',
            value:
              '<details open ontoggle="window.__pwned=\'toggle\'"><summary>x</summary></details><form action="https://example.org"><button>go</button></form>',
          }),
          tags: ['"><script>window.__pwned="tag"</script>'],
        }),
      ],
    },
  ],
};

/** What a build gives `renderCollection` for these decks: their summaries. */
export function collectionRequest<Options>(
  request: RenderRequest<Options>,
): CollectionRequest<Options> {
  return {
    ...request,
    decks: request.decks.map((input) => ({ name: input.name, summary: summarizeDeck(input.deck) })),
  };
}
