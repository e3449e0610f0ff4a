import { deckInput, revisionDeck } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { ankiDescriptor } from '../src/index.js';

// Anki updates a note from a package only when the package's copy is newer.
// A SOURCE_DATE_EPOCH fixed before the last edit stamps an edited deck with
// an old date, and the edit never reaches Anki: the check says so.

const input = deckInput(revisionDeck(), 'mlops');
const check = async (sourceDateEpoch: number, lastChange: number) =>
  await ankiDescriptor.check!(input, {}, { sourceDateEpoch, lastChange });

describe('the anki source date check', () => {
  it('should warn when SOURCE_DATE_EPOCH is older than the deck’s last change', async () => {
    expect(await check(1_700_000_000, 1_764_547_200)).toEqual([
      {
        ruleId: 'anki-source-date-before-change',
        item: null,
        message:
          "SOURCE_DATE_EPOCH (2023-11-14 22:13 UTC) is older than this deck's last change: Anki updates a note only from a newer package, so a re-import keeps the old cards. Leave SOURCE_DATE_EPOCH unset, or set it from the last change (SOURCE_DATE_EPOCH=$(git log -1 --format=%ct))",
      },
    ]);
    expect(ankiDescriptor.rules['anki-source-date-before-change']?.severity).toBe('warning');
  });

  it('should say nothing when the date is the last change or later', async () => {
    expect(await check(1_764_547_200, 1_764_547_200)).toEqual([]);
    expect(await check(1_800_000_000, 1_764_547_200)).toEqual([]);
  });
});
