/**
 * The page, fonts and paragraph kinds shared by the duty desk's Word documents, after the usual
 * layout of Chinese official documents (GB/T 9704): A4, a 156 × 225 mm text area, 仿宋 三号 body on a
 * fixed 28 pt line, 黑体 section headings, 方正小标宋简体 titles and a red header.
 *
 * A run names one East Asian font; Word has no fallback list. Where a named font is missing, Word
 * substitutes one itself, so the document defaults name 宋体 (SimSun), present on every Chinese
 * system, as the base every style inherits.
 */
import {
  AlignmentType,
  convertMillimetersToTwip,
  LineRuleType,
  Paragraph,
  TextRun,
  type IRunOptions,
  type IStylesOptions,
  type ISectionPropertiesOptions,
} from 'docx';

export const CREATOR = 'LastMeter';
export const RED = 'FF0000';

/** Font sizes in half-points, by their Chinese names. */
export const SIZE = { 一号: 52, 二号: 44, 三号: 32, 四号: 28, 小四: 24 } as const;

const latin = 'Times New Roman';
const face = (eastAsia: string) => ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' });
export const FONT = {
  title: face('方正小标宋简体'),
  heading: face('黑体'),
  body: face('仿宋'),
  base: face('宋体'),
} as const;

/** Width of the text area (156 mm) in twips: right-aligned tab stops and tables use it. */
export const TEXT_WIDTH = convertMillimetersToTwip(156);

export const PAGE: ISectionPropertiesOptions['page'] = {
  size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
  margin: {
    top: convertMillimetersToTwip(37),
    bottom: convertMillimetersToTwip(35),
    left: convertMillimetersToTwip(28),
    right: convertMillimetersToTwip(26),
  },
};

export const STYLES: IStylesOptions = {
  default: { document: { run: { font: FONT.base, size: SIZE.三号 } } },
};

/** 28 pt, the official fixed line height for 三号 body text. */
const BODY_LINE = { line: 560, lineRule: LineRuleType.EXACT };
/** Two characters of 三号 text: the first-line indent of body paragraphs. */
const TWO_CHARS = 640;

// Characters XML 1.0 forbids (controls other than tab and newlines, lone surrogates, U+FFFE/U+FFFF):
// one of them anywhere makes Word refuse the whole file. Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe to write into the document. */
export const xmlSafe = (text: string) => text.replace(NOT_XML, '');

/** The text, or 无 when there is none: an empty section still shows its heading and says so. */
export function orNone(text: string | null | undefined): string {
  const safe = xmlSafe(text ?? '').trim();
  return safe === '' ? '无' : safe;
}

/** One paragraph per non-blank line of the text (a single 无 when there is none). */
export const lines = (text: string | null | undefined) =>
  orNone(text)
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

export const run = (text: string, options: Omit<IRunOptions, 'text' | 'children'> = {}) =>
  new TextRun({ font: FONT.body, size: SIZE.三号, ...options, text: xmlSafe(text) });

/** A body paragraph: 仿宋 三号, indented two characters, fixed 28 pt lines, justified. */
export const bodyParagraph = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: TWO_CHARS },
    spacing: BODY_LINE,
    children: [run(text)],
  });

/** A section heading inside the body: 黑体 三号, indented like the body. */
export const headingParagraph = (text: string) =>
  new Paragraph({
    indent: { firstLine: TWO_CHARS },
    spacing: BODY_LINE,
    keepNext: true,
    children: [run(text, { font: FONT.heading })],
  });

/** A document title: 方正小标宋简体 二号, centred, with a blank line's room below. */
export const titleParagraph = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 280, after: 560 },
    children: [run(text, { font: FONT.title, size: SIZE.二号 })],
  });

/** A line of the foot (unit, date): right-aligned, four characters from the right margin. */
export const footParagraph = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.RIGHT,
    indent: { right: TWO_CHARS * 2 },
    spacing: BODY_LINE,
    children: [run(text)],
  });
