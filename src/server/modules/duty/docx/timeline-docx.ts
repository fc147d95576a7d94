/**
 * An event's timeline as a Word document: the title, a table of the event's facts, then every entry
 * of the timeline in time order (Beijing time, who, what). Pure: the caller gives every fact.
 */
import {
  Document,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { formatBeijing } from './beijing-time';
import { CREATOR, FONT, footParagraph, lines, orNone, PAGE, run, SIZE, STYLES, TEXT_WIDTH, titleParagraph, xmlSafe } from './official-layout';

export interface TimelineEntry {
  /** ISO instant */
  at: string;
  /** Who acted or reported, e.g. 值班员 李四 */
  who: string;
  /** What happened or was done */
  what: string;
}

export interface TimelineDocxInput {
  /** The event's title, e.g. 宝盖镇塘后村厂房火灾 */
  title: string;
  eventType: string;
  /** 一般 / 较大 / 重大 / 特别重大, or 未定级 */
  grade: string;
  place: string;
  /** When the duty desk received the first call or message (ISO instant). */
  receivedAt: string;
  /** e.g. 处置中 / 已终报 */
  status: string;
  entries: readonly TimelineEntry[];
  /** Who exports it, printed at the foot with exportedAt. */
  exportedBy?: string;
  /** When it was exported (ISO instant); the foot is left out without it. */
  exportedAt?: string;
}

// 小四 in tables: three columns of 三号 text would wrap every few characters.
const cellText = (text: string, bold = false) =>
  lines(text).map((l) => new Paragraph({ children: [run(l, { size: SIZE.小四, bold })] }));

const HEAD_FILL = { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' };
const twips = (share: number) => Math.round(TEXT_WIDTH * share);

function cell(text: string, width: number, options: { head?: boolean; span?: number } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    shading: options.head ? HEAD_FILL : undefined,
    children: cellText(text, options.head),
  });
}

const FACT_WIDTHS = [twips(0.25), twips(0.75)];

function factsTable(event: TimelineDocxInput): Table {
  const facts: [string, string][] = [
    ['事件类型', event.eventType],
    ['事件等级', event.grade],
    ['发生地点', event.place],
    ['接报时间', formatBeijing(event.receivedAt, 'long')],
    ['当前状态', event.status],
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: FACT_WIDTHS,
    rows: facts.map(
      ([label, value]) =>
        new TableRow({ cantSplit: true, children: [cell(label, FACT_WIDTHS[0], { head: true }), cell(value, FACT_WIDTHS[1])] }),
    ),
  });
}

const ENTRY_WIDTHS = [twips(0.24), twips(0.18), twips(0.58)];

/** The entries oldest first; entries at the same instant keep the order they were given in. */
export const inTimeOrder = (entries: readonly TimelineEntry[]) =>
  entries
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ e }) => e);

function entriesTable(entries: readonly TimelineEntry[]): Table {
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['时间', '人员', '内容'].map((h, i) => cell(h, ENTRY_WIDTHS[i], { head: true })),
  });
  const rows = entries.length
    ? inTimeOrder(entries).map(
        (e) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell(formatBeijing(e.at, 'numeric'), ENTRY_WIDTHS[0]),
              cell(e.who, ENTRY_WIDTHS[1]),
              cell(e.what, ENTRY_WIDTHS[2]),
            ],
          }),
      )
    : [new TableRow({ children: [cell('无', TEXT_WIDTH, { span: 3 })] })];
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: ENTRY_WIDTHS, rows: [head, ...rows] });
}

const sectionLabel = (text: string) =>
  new Paragraph({ spacing: { before: 240, after: 120 }, children: [run(text, { font: FONT.heading })] });

/** The timeline as a .docx file. */
export async function timelineDocx(event: TimelineDocxInput): Promise<Buffer> {
  const title = `${orNone(event.title)}事件时间线`;
  const exporter = xmlSafe(event.exportedBy ?? '').trim();
  const foot = event.exportedAt
    ? [
        new Paragraph({ spacing: { before: 280 }, children: [] }),
        footParagraph(`${exporter ? `导出人：${exporter}\u3000` : ''}导出时间：${formatBeijing(event.exportedAt, 'long')}`),
      ]
    : [];
  const doc = new Document({
    title,
    subject: '事件时间线',
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    styles: STYLES,
    sections: [
      {
        properties: { page: PAGE },
        children: [
          titleParagraph(title),
          sectionLabel('一、基本情况'),
          factsTable(event),
          sectionLabel('二、时间线'),
          entriesTable(event.entries),
          ...foot,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
