import { GRID_LIMITS, HouseholdCreate, type HouseholdStatus } from '../../../../contracts/grids';
import { labelOf } from '../../org/excel/labels';
import { cell, labelCell, requiredError, rowError, type RowError } from '../../org/excel/row-errors';
import { readSheet, writeSheet, type SheetColumn, type SheetRow } from '../../org/excel/workbook';
import { HOUSEHOLD_STATUS_LABELS } from './labels';

/** The households sheet: the export's layout is also the import template. Keyed by grid code and address. */
export const HOUSEHOLD_COLUMNS = [
  { key: 'gridCode', header: '网格代码', width: 18, text: true },
  { key: 'gridName', header: '网格名称', width: 20 },
  { key: 'address', header: '地址', width: 36 },
  { key: 'headName', header: '户主', width: 12 },
  { key: 'phone', header: '联系电话', width: 16, text: true },
  { key: 'members', header: '人口数', width: 8 },
  { key: 'status', header: '状态', width: 8 },
  { key: 'notes', header: '备注', width: 36 },
] as const satisfies readonly SheetColumn[];

export type HouseholdColumn = (typeof HOUSEHOLD_COLUMNS)[number]['key'];
export const HOUSEHOLD_HEADER = Object.fromEntries(HOUSEHOLD_COLUMNS.map((c) => [c.key, c.header])) as Record<HouseholdColumn, string>;

export type HouseholdRecord = {
  gridCode: string;
  gridName: string;
  address: string;
  headName: string;
  phone: string | null;
  members: number;
  status: HouseholdStatus;
  notes: string | null;
};

export type ParsedHouseholdRow = {
  row: number;
  gridCode: string;
  /** Blank when the sheet leaves it out; otherwise it must be the name of the grid of `gridCode`. */
  gridName: string;
  address: string;
  values: Partial<Omit<HouseholdRecord, 'gridCode' | 'gridName'>>;
  errors: RowError[];
};

/** The number of people: blank means a household of one; otherwise a whole number in range. */
function membersCell(errors: RowError[], column: string, raw: string): number | undefined {
  if (raw === '') return 1;
  const n = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (n >= 1 && n <= GRID_LIMITS.membersMax) return n;
  errors.push(rowError(column, 'invalid_value', `应为 1–${GRID_LIMITS.membersMax} 的整数`, `A whole number from 1 to ${GRID_LIMITS.membersMax}`));
  return undefined;
}

export const householdCells = (h: HouseholdRecord): Record<HouseholdColumn, string> => ({
  gridCode: h.gridCode,
  gridName: h.gridName,
  address: h.address,
  headName: h.headName,
  phone: h.phone ?? '',
  members: String(h.members),
  status: labelOf(HOUSEHOLD_STATUS_LABELS, h.status),
  notes: h.notes ?? '',
});

export const writeHouseholdsSheet = (rows: HouseholdRecord[]) => writeSheet('户籍', HOUSEHOLD_COLUMNS, rows.map(householdCells));

export async function readHouseholdsSheet(buffer: Buffer): Promise<ParsedHouseholdRow[]> {
  return (await readSheet(buffer, HOUSEHOLD_COLUMNS)).map(parseHouseholdRow);
}

/** Checks each cell alone, with the same zod schemas as the household form. */
export function parseHouseholdRow({ row, cells }: SheetRow<HouseholdColumn>): ParsedHouseholdRow {
  const errors: RowError[] = [];
  const h = HOUSEHOLD_HEADER;
  if (cells.gridCode === '') errors.push(requiredError(h.gridCode));
  const values: ParsedHouseholdRow['values'] = {
    address: cell(errors, HouseholdCreate.shape.address, h.address, cells.address, true),
    headName: cell(errors, HouseholdCreate.shape.headName, h.headName, cells.headName, true),
    phone: cell(errors, HouseholdCreate.shape.phone, h.phone, cells.phone || null),
    members: membersCell(errors, h.members, cells.members),
    // Blank means 在住: a hand-made row for a new household need not say it.
    status: labelCell(errors, HOUSEHOLD_STATUS_LABELS, h.status, cells.status, 'active'),
    notes: cell(errors, HouseholdCreate.shape.notes, h.notes, cells.notes),
  };
  return { row, gridCode: cells.gridCode, gridName: cells.gridName, address: cells.address, values, errors };
}
