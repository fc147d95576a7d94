import ExcelJS from 'exceljs';
import type { HazardFigures, HazardStats } from '../../../contracts';
import type { ExportFile } from '../org/excel/export.service';
import { safeFileName } from '../org/excel/http';

type Col = { header: string; key: string; width: number; numFmt?: string };

const FIGURE_COLS: Col[] = [
  { header: '发现数', key: 'found', width: 10 },
  { header: '销号数', key: 'closed', width: 10 },
  { header: '销号率', key: 'closureRate', width: 10, numFmt: '0.0%' },
  { header: '平均整改天数', key: 'meanCloseDays', width: 14, numFmt: '0.0' },
];

/** One sheet: bold frozen header, set widths, numbers stored as numbers (so Excel can sum them). */
function addSheet(wb: ExcelJS.Workbook, name: string, cols: Col[], rows: Record<string, string | number | null>[]) {
  const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = cols.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
}

const fig = (f: HazardFigures) => ({ found: f.found, closed: f.closed, closureRate: f.closureRate, meanCloseDays: f.meanCloseDays });

/** The statistics as a workbook: 汇总, 按类别, 按月份 and 下级单位, in Chinese like the page. */
export async function writeStatsWorkbook(s: HazardStats): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LastMeter 最后一米';
  addSheet(
    wb,
    '汇总',
    [{ header: '单位', key: 'unit', width: 20 }, { header: '统计区间', key: 'span', width: 20 }, ...FIGURE_COLS, { header: '当前逾期', key: 'overdue', width: 10 }],
    [{ unit: s.unit.name, span: `${s.from} 至 ${s.to}`, ...fig(s.totals), overdue: s.totals.overdue }],
  );
  addSheet(
    wb,
    '按类别',
    [{ header: '隐患类别', key: 'category', width: 16 }, ...FIGURE_COLS],
    s.byCategory.map((c) => ({ category: c.nameZh, ...fig(c) })),
  );
  addSheet(
    wb,
    '按月份',
    [{ header: '月份', key: 'month', width: 10 }, ...FIGURE_COLS],
    s.byMonth.map((m) => ({ month: m.month, ...fig(m) })),
  );
  addSheet(
    wb,
    '下级单位',
    [{ header: '单位', key: 'unit', width: 20 }, { header: '代码', key: 'code', width: 16 }, ...FIGURE_COLS, { header: '当前逾期', key: 'overdue', width: 10 }],
    s.children.map((c) => ({ unit: c.unit.name, code: c.unit.code, ...fig(c), overdue: c.overdue })),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 隐患统计-宝盖镇-2025-07至2026-06.xlsx (hazard-stats-<code>-<from>-<to>.xlsx for old clients). */
export function statsFileName(s: HazardStats, buffer: Buffer): ExportFile {
  const safe = safeFileName(s.unit.name);
  return { fileName: `隐患统计-${safe}-${s.from}至${s.to}.xlsx`, asciiName: `hazard-stats-${s.unit.code}-${s.from}-${s.to}.xlsx`, buffer };
}
