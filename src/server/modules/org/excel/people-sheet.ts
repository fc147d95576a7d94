import { PersonCreate } from '../../../../contracts/org';
import { GENDER_LABELS, PERSON_STATUS_LABELS, labelOf } from './labels';
import { cell, labelCell, requiredError, type RowError } from './row-errors';
import { readSheet, writeSheet, type SheetColumn, type SheetRow } from './workbook';

/** The people sheet: the export's layout is also the import template. A person is keyed by unit code and phone. */
export const PEOPLE_COLUMNS = [
  { key: 'unitCode', header: '单位代码', width: 18, text: true },
  { key: 'unitName', header: '单位名称', width: 22 },
  { key: 'name', header: '姓名', width: 12 },
  { key: 'phone', header: '手机', width: 16, text: true },
  { key: 'gender', header: '性别', width: 8 },
  { key: 'title', header: '职务', width: 20 },
  { key: 'status', header: '状态', width: 8 },
  { key: 'notes', header: '备注', width: 40 },
] as const satisfies readonly SheetColumn[];

export type PersonColumn = (typeof PEOPLE_COLUMNS)[number]['key'];
export const PERSON_HEADER = Object.fromEntries(PEOPLE_COLUMNS.map((c) => [c.key, c.header])) as Record<PersonColumn, string>;

/** One person as a sheet row holds it. */
export type PersonRecord = {
  unitCode: string;
  unitName: string;
  name: string;
  phone: string;
  gender: 'male' | 'female' | null;
  title: string | null;
  status: 'active' | 'left';
  notes: string | null;
};

/** A row read from an import: raw unit code and phone (the key), the values that passed their cell's rules, the problems. */
export type ParsedPersonRow = {
  row: number;
  unitCode: string;
  /** Blank when the sheet leaves it out; otherwise it must be the name of the unit of `unitCode`. */
  unitName: string;
  phone: string;
  name: string;
  values: Partial<Omit<PersonRecord, 'unitCode' | 'unitName'>>;
  errors: RowError[];
};

export const personCells = (p: PersonRecord): Record<PersonColumn, string> => ({
  unitCode: p.unitCode,
  unitName: p.unitName,
  name: p.name,
  phone: p.phone,
  gender: p.gender ? labelOf(GENDER_LABELS, p.gender) : '',
  title: p.title ?? '',
  status: labelOf(PERSON_STATUS_LABELS, p.status),
  notes: p.notes ?? '',
});

export const writePeopleSheet = (people: PersonRecord[]) => writeSheet('人员', PEOPLE_COLUMNS, people.map(personCells));

export async function readPeopleSheet(buffer: Buffer): Promise<ParsedPersonRow[]> {
  return (await readSheet(buffer, PEOPLE_COLUMNS)).map(parsePersonRow);
}

/** Checks each cell alone, with the same zod schemas as the API's form for a person. */
export function parsePersonRow({ row, cells }: SheetRow<PersonColumn>): ParsedPersonRow {
  const errors: RowError[] = [];
  const h = PERSON_HEADER;
  if (cells.unitCode === '') errors.push(requiredError(h.unitCode));
  const values: ParsedPersonRow['values'] = {
    name: cell(errors, PersonCreate.shape.name, h.name, cells.name, true),
    phone: cell(errors, PersonCreate.shape.phone, h.phone, cells.phone, true),
    gender: cells.gender === '' ? null : labelCell(errors, GENDER_LABELS, h.gender, cells.gender),
    title: cell(errors, PersonCreate.shape.title, h.title, cells.title),
    // Blank means 在岗: a hand-made row for a new person need not say it.
    status: labelCell(errors, PERSON_STATUS_LABELS, h.status, cells.status, 'active'),
    notes: cell(errors, PersonCreate.shape.notes, h.notes, cells.notes),
  };
  return { row, unitCode: cells.unitCode, unitName: cells.unitName, phone: cells.phone, name: cells.name, values, errors };
}
