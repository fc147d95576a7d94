import { Phone } from '../../../../contracts/common';
import { HouseholdCreate, VulnerableCreate, type VulnerableCategory, type VulnerableStatus } from '../../../../contracts/grids';
import { labelOf } from '../../org/excel/labels';
import { cell, labelCell, requiredError, type RowError } from '../../org/excel/row-errors';
import { readSheet, writeSheet, type SheetColumn, type SheetRow } from '../../org/excel/workbook';
import { VULNERABLE_CATEGORY_LABELS, VULNERABLE_STATUS_LABELS } from './labels';

/**
 * The vulnerable people sheet: the export's layout is also the import template. A person is keyed
 * by grid code, name and phone; the household is named by its address in the same grid, the
 * responsible person by phone (and name) among the people of the grid's village.
 */
export const VULNERABLE_COLUMNS = [
  { key: 'gridCode', header: '网格代码', width: 18, text: true },
  { key: 'gridName', header: '网格名称', width: 20 },
  { key: 'name', header: '姓名', width: 12 },
  { key: 'category', header: '类别', width: 12 },
  { key: 'phone', header: '联系电话', width: 16, text: true },
  { key: 'household', header: '所在户地址', width: 32 },
  { key: 'responsibleName', header: '责任人', width: 12 },
  { key: 'responsiblePhone', header: '责任人电话', width: 16, text: true },
  { key: 'status', header: '状态', width: 8 },
  { key: 'notes', header: '备注', width: 36 },
] as const satisfies readonly SheetColumn[];

export type VulnerableColumn = (typeof VULNERABLE_COLUMNS)[number]['key'];
export const VULNERABLE_HEADER = Object.fromEntries(VULNERABLE_COLUMNS.map((c) => [c.key, c.header])) as Record<VulnerableColumn, string>;

export type VulnerableRecord = {
  gridCode: string;
  gridName: string;
  name: string;
  category: VulnerableCategory;
  phone: string | null;
  household: string | null;
  responsibleName: string | null;
  responsiblePhone: string | null;
  status: VulnerableStatus;
  notes: string | null;
};

export type ParsedVulnerableRow = {
  row: number;
  gridCode: string;
  gridName: string;
  /** Raw name and phone, the key with the grid code. */
  name: string;
  phone: string;
  values: Partial<Omit<VulnerableRecord, 'gridCode' | 'gridName'>>;
  errors: RowError[];
};

export const vulnerableCells = (v: VulnerableRecord): Record<VulnerableColumn, string> => ({
  gridCode: v.gridCode,
  gridName: v.gridName,
  name: v.name,
  category: labelOf(VULNERABLE_CATEGORY_LABELS, v.category),
  phone: v.phone ?? '',
  household: v.household ?? '',
  responsibleName: v.responsibleName ?? '',
  responsiblePhone: v.responsiblePhone ?? '',
  status: labelOf(VULNERABLE_STATUS_LABELS, v.status),
  notes: v.notes ?? '',
});

export const writeVulnerableSheet = (rows: VulnerableRecord[]) => writeSheet('重点人群', VULNERABLE_COLUMNS, rows.map(vulnerableCells));

export async function readVulnerableSheet(buffer: Buffer): Promise<ParsedVulnerableRow[]> {
  return (await readSheet(buffer, VULNERABLE_COLUMNS)).map(parseVulnerableRow);
}

/** Checks each cell alone, with the same zod schemas as the form. */
export function parseVulnerableRow({ row, cells }: SheetRow<VulnerableColumn>): ParsedVulnerableRow {
  const errors: RowError[] = [];
  const h = VULNERABLE_HEADER;
  if (cells.gridCode === '') errors.push(requiredError(h.gridCode));
  const values: ParsedVulnerableRow['values'] = {
    name: cell(errors, VulnerableCreate.shape.name, h.name, cells.name, true),
    category: labelCell(errors, VULNERABLE_CATEGORY_LABELS, h.category, cells.category),
    phone: cell(errors, VulnerableCreate.shape.phone, h.phone, cells.phone || null),
    household: cells.household === '' ? null : cell(errors, HouseholdCreate.shape.address, h.household, cells.household),
    responsibleName: cells.responsibleName === '' ? null : cell(errors, VulnerableCreate.shape.name, h.responsibleName, cells.responsibleName),
    responsiblePhone: cells.responsiblePhone === '' ? null : cell(errors, Phone, h.responsiblePhone, cells.responsiblePhone),
    // Blank means 在册: a hand-made row for a new person need not say it.
    status: labelCell(errors, VULNERABLE_STATUS_LABELS, h.status, cells.status, 'active'),
    notes: cell(errors, VulnerableCreate.shape.notes, h.notes, cells.notes),
  };
  if (cells.responsibleName !== '' && cells.responsiblePhone === '') errors.push(requiredError(h.responsiblePhone));
  return { row, gridCode: cells.gridCode, gridName: cells.gridName, name: cells.name, phone: cells.phone, values, errors };
}
