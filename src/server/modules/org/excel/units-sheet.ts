import { UnitCreate, type UnitKind, type UnitLevel, type UnitStatus } from '../../../../contracts/org';
import { KIND_LABELS, LEVEL_LABELS, UNIT_STATUS_LABELS, labelOf } from './labels';
import { cell, labelCell, type RowError } from './row-errors';
import { readSheet, writeSheet, type SheetColumn, type SheetRow } from './workbook';

/** The units sheet: the export's layout is also the import template. */
export const UNIT_COLUMNS = [
  { key: 'level', header: '层级', width: 14 },
  { key: 'kind', header: '类型', width: 10 },
  { key: 'code', header: '代码', width: 18, text: true },
  { key: 'name', header: '名称', width: 24 },
  { key: 'parentCode', header: '上级代码', width: 18, text: true },
  { key: 'status', header: '状态', width: 10 },
  { key: 'address', header: '地址', width: 40 },
  { key: 'phone', header: '电话', width: 18, text: true },
] as const satisfies readonly SheetColumn[];

export type UnitColumn = (typeof UNIT_COLUMNS)[number]['key'];
export const UNIT_HEADER = Object.fromEntries(UNIT_COLUMNS.map((c) => [c.key, c.header])) as Record<UnitColumn, string>;

/** One unit as a sheet row holds it. */
export type UnitRecord = {
  level: UnitLevel;
  kind: UnitKind;
  code: string;
  name: string;
  parentCode: string | null;
  status: UnitStatus;
  address: string | null;
  phone: string | null;
};

/**
 * A row read from an import: the raw key and name (for the preview), the values that passed
 * their cell's rules (the others are missing), and the problems found in single cells.
 */
export type ParsedUnitRow = {
  row: number;
  key: string;
  name: string;
  parentCode: string | null;
  values: Partial<Omit<UnitRecord, 'parentCode'>>;
  errors: RowError[];
};

export const unitCells = (u: UnitRecord): Record<UnitColumn, string> => ({
  level: labelOf(LEVEL_LABELS, u.level),
  kind: labelOf(KIND_LABELS, u.kind),
  code: u.code,
  name: u.name,
  parentCode: u.parentCode ?? '',
  status: labelOf(UNIT_STATUS_LABELS, u.status),
  address: u.address ?? '',
  phone: u.phone ?? '',
});

export const writeUnitsSheet = (units: UnitRecord[]) => writeSheet('单位', UNIT_COLUMNS, units.map(unitCells));

export async function readUnitsSheet(buffer: Buffer): Promise<ParsedUnitRow[]> {
  return (await readSheet(buffer, UNIT_COLUMNS)).map(parseUnitRow);
}

/** Checks each cell alone, with the same zod schemas as the API's create form. */
export function parseUnitRow({ row, cells }: SheetRow<UnitColumn>): ParsedUnitRow {
  const errors: RowError[] = [];
  const h = UNIT_HEADER;
  const values: ParsedUnitRow['values'] = {
    level: labelCell(errors, LEVEL_LABELS, h.level, cells.level),
    kind: labelCell(errors, KIND_LABELS, h.kind, cells.kind),
    code: cell(errors, UnitCreate.shape.code, h.code, cells.code, true),
    name: cell(errors, UnitCreate.shape.name, h.name, cells.name, true),
    // Blank means 在用: a hand-made row for a new unit need not say it.
    status: labelCell(errors, UNIT_STATUS_LABELS, h.status, cells.status, 'active'),
    address: cell(errors, UnitCreate.shape.address, h.address, cells.address),
    phone: cell(errors, UnitCreate.shape.phone, h.phone, cells.phone || null),
  };
  return { row, key: cells.code, name: cells.name, parentCode: cells.parentCode || null, values, errors };
}
