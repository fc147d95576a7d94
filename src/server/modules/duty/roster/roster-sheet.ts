import ExcelJS from 'exceljs';
import type { RosterView } from '../../../../contracts/duty-roster';
import type { ExportFile } from '../../org/excel/export.service';
import { SHIFT_PATTERN_LABELS, parseBeijingDate } from '../rules';
import { safeFileName } from '../../org/excel/http';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const GAP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E2' } };
const thin: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/**
 * The month as the sheet a station pins on the wall: a title, then one row per shift with the date,
 * weekday, shift, 带班领导 and 值班员 with their phones. Empty roles read 空缺 on a red fill.
 */
export async function writeRosterWorkbook(r: RosterView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LastMeter 最后一米';
  const sheet = wb.addWorksheet('值班表', { views: [{ state: 'frozen', ySplit: 2 }], pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [
    { key: 'date', width: 12 },
    { key: 'weekday', width: 8 },
    { key: 'shift', width: 24 },
    { key: 'leader', width: 12 },
    { key: 'leaderPhone', width: 15 },
    { key: 'officer', width: 12 },
    { key: 'officerPhone', width: 15 },
  ];
  const [y, m] = r.month.split('-');
  const status = r.status === 'published' ? '' : '（草稿）';
  sheet.mergeCells('A1:G1');
  sheet.getCell('A1').value = `${r.unit.name} ${y}年${Number(m)}月值班表${status}（${SHIFT_PATTERN_LABELS[r.pattern].zh}）`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  const header = sheet.addRow(['日期', '星期', '班次', '带班领导', '电话', '值班员', '电话']);
  header.font = { bold: true };
  header.eachCell((c) => (c.border = thin));
  for (const s of r.shifts) {
    const { y: yy, m: mm, d } = parseBeijingDate(s.date);
    const row = sheet.addRow({
      date: s.date,
      weekday: `周${WEEKDAYS[new Date(Date.UTC(yy, mm - 1, d)).getUTCDay()]}`,
      shift: s.labelZh,
      leader: s.leader?.name ?? '空缺',
      leaderPhone: s.leader?.phone ?? '',
      officer: s.officer?.name ?? '空缺',
      officerPhone: s.officer?.phone ?? '',
    });
    row.eachCell({ includeEmpty: true }, (c) => (c.border = thin));
    if (!s.leader) row.getCell('leader').fill = GAP_FILL;
    if (!s.officer) row.getCell('officer').fill = GAP_FILL;
  }
  const foot = sheet.addRow([`共 ${r.shifts.length} 班，空缺 ${r.gapCount} 班${r.publishedAt ? `；${r.publishedBy ?? ''} 发布` : ''}`]);
  sheet.mergeCells(`A${foot.number}:G${foot.number}`);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 值班表-宝盖镇-2026-06.xlsx (duty-roster-<code>-<month>.xlsx for old clients). */
export function rosterFileName(r: RosterView, buffer: Buffer): ExportFile {
  const safe = safeFileName(r.unit.name);
  return { fileName: `值班表-${safe}-${r.month}.xlsx`, asciiName: `duty-roster-${r.unit.code}-${r.month}.xlsx`, buffer };
}
