import type { DeckInput } from '@quizmark/model';
import { writeZip, type ZipEntry } from '@quizmark/zip';
import { assessmentItemXml } from './assessment-item.js';
import { assessmentTestXml, type TestPlan } from './assessment-test.js';
import {
  FROM_ITEM_TO_ROOT,
  itemFile,
  itemIdentifier,
  manifestIdentifier,
  TEST_FILE,
  testIdentifier,
} from './identifiers.js';
import { type ManifestResource, manifestXml } from './manifest.js';
import { packageImages } from './package-images.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * A deck as an IMS content package: `imsmanifest.xml` first (some importers
 * read only the start of an archive), the test, an item file per item in
 * deck order, then the images the files show, sorted.
 */
export function qtiPackageEntries(input: DeckInput, plan: TestPlan): ZipEntry[] {
  const { deck } = input;
  const images = packageImages(input.assets);
  const files: ZipEntry[] = [];
  const resources: ManifestResource[] = [];
  const shown = new Set<string>();
  for (const item of deck.sections.flatMap((section) => section.items)) {
    const used = new Set<string>();
    const href = itemFile(item.id);
    files.push({
      name: href,
      bytes: utf8(assessmentItemXml(item, deck, { images, used, root: FROM_ITEM_TO_ROOT })),
    });
    resources.push({
      identifier: itemIdentifier(item.id),
      type: 'imsqti_item_xmlv2p1',
      href,
      files: [...used].sort(),
      dependencies: [],
    });
    for (const path of used) shown.add(path);
  }
  const used = new Set<string>();
  const test = assessmentTestXml(deck, plan, { images, used, root: '' });
  for (const path of used) shown.add(path);
  resources.unshift({
    identifier: testIdentifier(deck.id),
    type: 'imsqti_test_xmlv2p1',
    href: TEST_FILE,
    files: [...used].sort(),
    dependencies: resources.map((resource) => resource.identifier),
  });
  const media = [...images.values()]
    .filter((image) => shown.has(image.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const unique = new Map(media.map((image) => [image.path, image.asset.bytes]));
  return [
    { name: 'imsmanifest.xml', bytes: utf8(manifestXml(manifestIdentifier(deck.id), resources)) },
    { name: TEST_FILE, bytes: utf8(test) },
    ...files,
    ...[...unique].map(([name, bytes]) => ({ name, bytes })),
  ];
}

export const qtiPackage = (input: DeckInput, plan: TestPlan): Uint8Array =>
  writeZip(qtiPackageEntries(input, plan));
