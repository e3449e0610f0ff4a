import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FONT_NAMES, registerFonts } from '../src/fonts.js';
import { textPieces } from '../src/shaped-text.js';
import { textWidth } from '../src/text-width.js';

// Layout measures from words shaped once per process; pdfkit, drawing on
// its own, must agree to the last bit, or measured lines would not fit.

describe('text widths', () => {
  it('should split text where pdfkit does: after every space and tab', () => {
    expect(textPieces('Who  wrote\tthis? ')).toEqual(['Who ', ' ', 'wrote\t', 'this? ']);
    expect(textPieces('')).toEqual([]);
  });

  // Only characters every DejaVu face has: Sans Mono has no ☑, which another face draws (script-faces.ts).
  it('should measure exactly as pdfkit does, whatever was measured before', () => {
    const texts = [
      'AVATAR Type: ΕΛΛΗΝΙΚΆ Ε, Η, Ι',
      'Eat Wave, To, Ya. “Quoted” — fine ﬁ',
      'café naïve Ångström ñ q̣ x̧',
      'deploy_model(Model(accuracy=0.85))\tpass',
      'Тест ☐ ↪ 10 000.',
    ];
    for (const font of FONT_NAMES) {
      // A document of pdfkit's own, fonts parsed afresh, as the reference.
      const doc = new PDFDocument({ autoFirstPage: false });
      registerFonts(doc);
      for (const text of [...texts, ...texts.slice().reverse()])
        expect(textWidth(text, font, 10.5)).toBe(
          doc.font(font).fontSize(1).widthOfString(text) * 10.5,
        );
    }
  });
});
