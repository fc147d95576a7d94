/**
 * A 信息报送 report (首报, 续报 or 终报) as a Word document in the usual official layout: the red
 * header with the station and the kind of report, 报送单位 and 签发人 above a red rule, 报告人, the
 * title, the body in its fixed order of sections, then the unit and the time. Pure: the caller gives
 * every fact, times as ISO instants; they are written in Beijing time.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import { formatBeijing } from './beijing-time';
import {
  bodyParagraph,
  CREATOR,
  FONT,
  footParagraph,
  headingParagraph,
  lines,
  orNone,
  PAGE,
  RED,
  run,
  SIZE,
  STYLES,
  TEXT_WIDTH,
  titleParagraph,
} from './official-layout';

export type ReportKind = 'initial' | 'follow_up' | 'final';

/** A count of people, or null while it is not known yet (a 首报 often cannot say). */
export type Count = number | null;

export interface ReportDocxInput {
  /** The station that writes the report, e.g. 石狮市宝盖镇应急管理站 (the red header). */
  stationName: string;
  kind: ReportKind;
  /** Which 续报 this is (1, 2, …); only read for a follow-up. */
  sequence?: number;
  /** e.g. 关于宝盖镇塘后村发生厂房火灾的首报 */
  title: string;
  /** 报送单位 */
  reportingUnit: string;
  /** 签发人 */
  issuer: string;
  /** 报告人 and a phone number to call back. */
  reporter: { name: string; phone: string };
  /** When the event happened (ISO instant). */
  occurredAt: string;
  location: string;
  eventType: string;
  casualties: { dead: Count; injured: Count; missing: Count };
  /** 事件经过 */
  narrative?: string | null;
  /** 已采取措施 */
  measures?: string | null;
  /** 下步打算 */
  nextSteps?: string | null;
  /** When the report is sent (ISO instant): the time at the foot. */
  reportedAt: string;
}

/** 首报, 续报（第N次） or 终报. */
export function reportKindLabel(kind: ReportKind, sequence?: number): string {
  if (kind === 'initial') return '首报';
  if (kind === 'final') return '终报';
  return sequence && sequence > 0 ? `续报（第${sequence}次）` : '续报';
}

const people = (n: Count) => (n === null ? '不详' : `${n}人`);

/** 死亡0人，受伤2人，失联人数不详。 */
export const casualtiesText = ({ dead, injured, missing }: ReportDocxInput['casualties']) =>
  `死亡${people(dead)}，受伤${people(injured)}，失联${people(missing)}。`;

/** The body's sections in their fixed order: heading, then the lines of its text. */
export function reportSections(report: ReportDocxInput): { heading: string; lines: string[] }[] {
  return [
    { heading: '一、时间', lines: [formatBeijing(report.occurredAt, 'long')] },
    { heading: '二、地点', lines: lines(report.location) },
    { heading: '三、事件类型', lines: lines(report.eventType) },
    { heading: '四、伤亡情况', lines: [casualtiesText(report.casualties)] },
    { heading: '五、事件经过', lines: lines(report.narrative) },
    { heading: '六、已采取措施', lines: lines(report.measures) },
    { heading: '七、下步打算', lines: lines(report.nextSteps) },
  ];
}

const redHeader = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [run(text, { font: FONT.title, size: SIZE.一号, color: RED })],
  });

function header(report: ReportDocxInput): Paragraph[] {
  return [
    redHeader(orNone(report.stationName)),
    redHeader('突发事件信息报告'),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 240 },
      children: [run(reportKindLabel(report.kind, report.sequence))],
    }),
    // 报送单位 on the left, 签发人 against the right margin, the red rule under both.
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      border: { bottom: { style: BorderStyle.SINGLE, color: RED, size: 18, space: 6 } },
      spacing: { after: 120 },
      children: [
        run(`报送单位：${orNone(report.reportingUnit)}`),
        new TextRun({ font: FONT.body, size: SIZE.三号, children: [new Tab(), `签发人：${orNone(report.issuer)}`] }),
      ],
    }),
    new Paragraph({
      children: [run(`报告人：${orNone(report.reporter.name)}\u3000联系电话：${orNone(report.reporter.phone)}`)],
    }),
  ];
}

/** The report as a .docx file. */
export async function reportDocx(report: ReportDocxInput): Promise<Buffer> {
  const title = orNone(report.title);
  const body = reportSections(report).flatMap((s) => [headingParagraph(s.heading), ...s.lines.map(bodyParagraph)]);
  const doc = new Document({
    title,
    subject: `突发事件信息报告 ${reportKindLabel(report.kind, report.sequence)}`,
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    styles: STYLES,
    sections: [
      {
        properties: { page: PAGE },
        children: [
          ...header(report),
          titleParagraph(title),
          ...body,
          new Paragraph({ spacing: { before: 280 }, children: [] }),
          footParagraph(orNone(report.reportingUnit)),
          footParagraph(formatBeijing(report.reportedAt, 'long')),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
