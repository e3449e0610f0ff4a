import type { Asset, Choice, Deck, DeckInput, Inline } from '@quizmark/model';
import {
  blank,
  choice,
  cloze,
  code,
  deck,
  deckInput,
  explain,
  flashcard,
  imageAsset,
  matching,
  numeric,
  numericAnswer,
  ordering,
  para,
  png,
  rich,
  section,
  shortAnswer,
  text,
  trueFalse,
} from './deck-builders.js';

// Named decks that renderer tests share, shaped like the seed page
// (content/mlops.md). Each call builds a fresh deck, so a test may edit it.

const DEPLOY_CODE = `class Model:
    def __init__(self, accuracy):
        self.accuracy = accuracy

def deploy_model(model):
    if model.accuracy > 0.8:
        return "Deploy successful"
    else:
        return "Deploy failed"

result = deploy_model(Model(accuracy=0.85))
print(result)`;

const DEPLOY_OPTIONS = ['Deploy successful', 'Deploy failed', 'SyntaxError', 'No output'];
const CHECK_ACCURACY = 'Check model accuracy condition';
const RETURN_VALUE = 'Determine function return value';
const MLOPS_CONCEPTS = [
  'Combines machine learning with software engineering',
  'Automates testing and deployment of models',
  'Monitors models in production',
];
const MLOPS_HINT = 'Think about how software is delivered and maintained, then add ML specifics.';

/**
 * "Quick Revision": every item type, code, inline code, hints, steps and
 * tags that need normalising for Anki (`Machine Learning`, `dev ops`).
 */
export function revisionDeck(): Deck {
  return deck({
    id: 'mlops-basics',
    title: 'What is MLOps - Quick Revision & Key Takeaways',
    topic: 'MLOps',
    category: 'devops',
    duration: '5 min',
    tags: ['mlops', 'dev ops'],
    description: rich('A quick revision of MLOps.'),
    sections: [
      section('recall-review', 'Recall & Review', [
        flashcard('what-does-mlops-stand-for', {
          front: 'What does MLOps stand for?',
          back: 'MLOps stands for Machine Learning Operations. It combines machine learning and software engineering to deploy and maintain ML models in production reliably.',
          level: 'beginner',
          tags: ['Machine Learning'],
          hint: rich('Think of DevOps.'),
        }),
        flashcard('name-two-key-components', {
          front: 'Name two key components of MLOps.',
          back: 'CI/CD for ML models, and monitoring models in production to detect data drift.',
          level: 'intermediate',
        }),
      ]),
      section('practice', 'Practice', [
        choice('deploy-threshold', {
          stem: rich(
            'Consider this simplified MLOps pipeline step:',
            code('python', DEPLOY_CODE),
            para(
              'What will be the output of ',
              { type: 'inlineCode', value: 'print(result)' },
              '?',
            ),
          ),
          options: DEPLOY_OPTIONS,
          difficulty: 'medium',
          steps: [
            {
              title: CHECK_ACCURACY,
              body: rich('The accuracy is 0.85, greater than 0.8, so the condition is true.'),
            },
            {
              title: RETURN_VALUE,
              body: rich('The function returns "Deploy successful", which is printed.'),
            },
          ],
          quickCheck: rich('Accuracy 0.85 > 0.8 means deploy success.'),
          hint: rich('Check if accuracy > 0.8 for success.'),
          mistakes: [
            rich('Confusing greater than with less than'),
            rich('Expecting a syntax error due to code formatting'),
          ],
        }),
        choice('mlops-practices', {
          stem: 'Which of these are part of MLOps?',
          options: [
            'Monitoring model performance in production',
            'Designing user interfaces',
            'Automating model retraining',
          ],
          correct: [0, 2],
          difficulty: 'hard',
          explanation: rich('Monitoring and retraining keep models accurate.'),
        }),
      ]),
      section(
        'explain',
        'Explain',
        [
          explain('explain-mlops', {
            prompt: 'Explain what MLOps is and why it is useful.',
            concepts: MLOPS_CONCEPTS,
            level: 'advanced',
            hint: rich(MLOPS_HINT),
          }),
        ],
        rich('Say it out loud, then check.'),
      ),
    ],
  });
}

/** The revision deck as the pipeline passes it to a renderer, named `mlops`, without images. */
export function revisionDeckInput(): DeckInput {
  return deckInput(revisionDeck(), 'mlops');
}

/** The revision deck with two different images that share the file name `diagram.png`. */
export function revisionDeckWithImages(): DeckInput {
  const revision = revisionDeck();
  const image = (url: string, alt: string): Inline => ({ type: 'image', url, alt, title: null });
  revision.sections[0]!.items.push(
    flashcard('pipeline-diagram', {
      front: rich(
        'What does this pipeline diagram show?',
        para(image('images/pipeline/diagram.png', 'Pipeline')),
      ),
      back: 'Training feeds deployment.',
    }),
    flashcard('monitoring-diagram', {
      front: rich(
        'What does this monitoring diagram show?',
        para(image('images/monitoring/diagram.png', 'Monitoring')),
      ),
      back: 'Drift alerts.',
    }),
  );
  return deckInput(revision, 'mlops', [
    imageAsset('images/pipeline/diagram.png', png(120, 60, [9, 105, 218]), {
      path: 'content/images/pipeline/diagram.png',
    }),
    imageAsset('images/monitoring/diagram.png', png(120, 60, [26, 127, 55]), {
      path: 'content/images/monitoring/diagram.png',
    }),
  ]);
}

/**
 * "Essentials & self-check": the seed page's sections (recall, quiz,
 * practice, explain) with a few more constructs: several correct options,
 * a section description, an explanation.
 */
export function selfCheckDeck(): Deck {
  return deck({
    id: 'mlops-basics',
    title: 'MLOps essentials & self-check',
    topic: 'MLOps',
    category: 'devops',
    duration: '5 min',
    tags: ['mlops', 'devops'],
    description: rich('Revise the essentials of MLOps, then test yourself.'),
    sections: [
      section('recall-review', 'Recall & Review', [
        flashcard('what-does-mlops-stand-for', {
          front: 'What does MLOps stand for?',
          back: 'MLOps stands for Machine Learning Operations.',
          level: 'beginner',
          tags: ['definitions'],
        }),
        flashcard('mlops-components', {
          front: 'Name two key components of MLOps.',
          back: 'CI/CD for ML models, and monitoring models in production.',
          level: 'intermediate',
        }),
        flashcard('mlops-challenges', {
          front: 'What challenges does MLOps address?',
          back: 'Data versions, automated retraining, reproducibility and monitoring.',
          level: 'advanced',
        }),
      ]),
      section(
        'quiz',
        'Quiz',
        [
          choice('main-goal', {
            stem: 'What is the main goal of MLOps?',
            options: [
              'To create user interfaces for ML applications',
              'To write machine learning algorithms from scratch',
              'To replace data scientists with software engineers',
              'To automate and improve the deployment and maintenance of machine learning models',
            ],
            correct: [3],
          }),
          choice('mlops-parts', {
            stem: 'Which of these are part of MLOps?',
            options: [
              'Monitoring model performance in production',
              'Designing logos',
              'Automating model retraining',
            ],
            correct: [0, 2],
            hint: rich('Think about what happens after deployment.'),
          }),
        ],
        rich('Pick one answer per question.'),
      ),
      section('practice', 'Practice', [
        choice('deploy-threshold', {
          stem: rich(
            'Consider this simplified MLOps pipeline step:',
            code('python', DEPLOY_CODE),
            para('What will be the output?'),
          ),
          options: DEPLOY_OPTIONS,
          difficulty: 'medium',
          hint: rich('Check if accuracy > 0.8 for success.'),
          steps: [
            {
              title: CHECK_ACCURACY,
              body: rich('The model accuracy is 0.85, which is greater than 0.8.'),
            },
            {
              title: RETURN_VALUE,
              body: rich('The function returns "Deploy successful", which is printed.'),
            },
          ],
          quickCheck: rich('Accuracy 0.85 > 0.8 means deploy success.'),
          mistakes: [
            rich('Confusing greater than with less than'),
            rich('Ignoring the print statement output'),
          ],
        }),
        choice('keep-accurate', {
          stem: 'Which step best keeps a deployed model accurate over time?',
          options: [
            'Deploying the model once and never updating it',
            'Ignoring monitoring metrics after deployment',
            'Regularly retraining the model with new data',
            'Using manual testing only before deployment',
          ],
          correct: [2],
          difficulty: 'hard',
          explanation: rich('Data changes; retraining keeps up with it.'),
        }),
      ]),
      section('explain', 'Explain', [
        explain('explain-mlops', {
          prompt: 'Explain what MLOps is and why it is useful.',
          concepts: MLOPS_CONCEPTS,
          hint: rich(MLOPS_HINT),
        }),
      ]),
    ],
  });
}

/** The self-check deck's metadata around author content that tries to run script in every way a sanitiser must stop. */
export function hostileDeck(): Deck {
  return {
    ...selfCheckDeck(),
    id: 'hostile',
    title: 'Hostile <script>window.__pwned = 1</script> deck',
    description: rich({
      type: 'html',
      value: '<script>window.__pwned = "description"; alert(1)</script>',
    }),
    sections: [
      section('payloads', 'Payloads "><img src=x onerror=alert(1)>', [
        flashcard('script-tag', {
          title: 'Script tag',
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
        choice('link', {
          title: 'Links',
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
            rich({
              type: 'html',
              value: '<b onmouseover="window.__pwned=1">Safe</b> <kbd>Ctrl</kbd>',
            }),
            rich({ type: 'html', value: '<a href="javascript:alert(1)">Other</a>' }),
          ],
        }),
        explain('styles', {
          prompt: 'Styles <style>body{display:none}</style>',
          concepts: ['{{constructor}}'],
          hint: rich({
            type: 'html',
            value:
              '<details open ontoggle="window.__pwned=\'toggle\'"><summary>x</summary></details><form action="https://example.org"><button>go</button></form>',
          }),
          tags: ['"><script>window.__pwned="tag"</script>'],
        }),
      ]),
    ],
  };
}

/** A 1×1 PNG at `./img/pixel.png`, to check that images are inlined. */
export function pixelImage(): Asset {
  return imageAsset('./img/pixel.png', png(1, 1, [255, 0, 0]), { path: 'img/pixel.png' });
}

/**
 * One item of every type the model has (the examples, physics), with
 * per-option feedback, a hint and an explanation: for renderer tests that
 * must show every type. The parser's content deck (content/physics.md) is
 * the same content written as Markdown.
 */
/** The choice with feedback under its options (null: none for that option). */
function withFeedback(item: Choice, feedback: Array<string | null>): Choice {
  return {
    ...item,
    options: item.options.map((option, index) => {
      const text = feedback[index];
      return { ...option, feedback: text ? rich(text) : null };
    }),
  };
}

export function everyTypeDeck(): Deck {
  return deck({
    id: 'every-type',
    title: 'Every question type',
    sections: [
      section('types', 'Types', [
        trueFalse('mass-weight', {
          stem: 'Mass and weight are the same quantity.',
          answer: false,
          trueFeedback: rich('Weight is a force; mass is an amount of matter.'),
          falseFeedback: rich('Right: weight is mass times g.'),
        }),
        numeric('g-near-earth', {
          stem: "What is g near Earth's surface, in m/s²?",
          answer: numericAnswer(9.81, { kind: 'absolute', tolerance: 0.05 }),
          hint: rich('About ten.'),
        }),
        numeric('kinetic-energy', {
          stem: 'A 2 kg ball moves at 3 m/s. What is its kinetic energy?',
          answer: numericAnswer(9, { kind: 'percent', tolerance: 2, unit: 'J' }),
        }),
        shortAnswer('force-unit', {
          stem: 'What SI unit is used for force?',
          answers: ['newton', 'N'],
        }),
        cloze('energy-sentence', {
          title: 'Energy sentence',
          text: [
            'Energy is measured in ',
            blank(1, 'joules'),
            ' and power in ',
            blank(2, 'watts', 'named after a Scottish engineer'),
            '.',
          ],
        }),
        matching('si-units', {
          stem: 'Match each quantity with its SI unit.',
          pairs: [
            ['Force', 'newton'],
            ['Energy', 'joule'],
            ['Power', 'watt'],
          ],
          distractors: ['kelvin'],
        }),
        ordering('method-steps', {
          stem: 'Put the steps in order.',
          sequence: ['Ask a question', 'Form a hypothesis', 'Test it', 'Draw a conclusion'],
        }),
        withFeedback(
          choice('vector', {
            stem: 'Which of these is a vector quantity?',
            options: ['Speed', 'Velocity', 'Mass'],
            correct: [1],
            explanation: rich('A vector has a magnitude and a direction.'),
          }),
          [
            'Speed has magnitude only; velocity adds a direction.',
            'Right: velocity has both magnitude and direction.',
            null,
          ],
        ),
      ]),
    ],
  });
}
