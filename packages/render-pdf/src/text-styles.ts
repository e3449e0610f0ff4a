import { runStyle } from './inline-runs.js';
import type { TextStyle } from './layout-rich-text.js';
import { COLOR, TEXT } from './theme.js';

export const BODY: TextStyle = { run: runStyle('sans', TEXT.size), lineHeight: TEXT.lineHeight };
export const BODY_BOLD: TextStyle = {
  run: runStyle('sans-bold', TEXT.size),
  lineHeight: TEXT.lineHeight,
};
export const NOTE: TextStyle = {
  run: runStyle('sans-italic', TEXT.size, COLOR.muted),
  lineHeight: TEXT.lineHeight,
};
export const SMALL: TextStyle = {
  run: runStyle('sans', TEXT.smallSize, COLOR.muted),
  lineHeight: TEXT.smallLineHeight,
};
export const TITLE: TextStyle = {
  run: runStyle('sans-bold', TEXT.titleSize),
  lineHeight: TEXT.titleLineHeight,
};
export const SECTION: TextStyle = {
  run: runStyle('sans-bold', TEXT.sectionSize),
  lineHeight: TEXT.sectionLineHeight,
};
