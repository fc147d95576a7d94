import { z } from 'zod';
import { LIMITS } from './limits';
import { Page, Phone, optionalText, paged, text } from './common';

/** The hierarchy, top to bottom. A user's scope is a node of it and everything below. */
export const UNIT_LEVELS = ['city', 'county', 'township', 'village', 'grid'] as const;
export const UnitLevel = z.enum(UNIT_LEVELS);
export type UnitLevel = z.infer<typeof UnitLevel>;

/** The level a child of each level must have. */
export const CHILD_LEVEL: Record<UnitLevel, UnitLevel | null> = {
  city: 'county',
  county: 'township',
  township: 'village',
  village: 'grid',
  grid: null,
};

/** Kinds refine a level: 镇/乡/街道 for townships, 村/社区 for villages. */
export const UNIT_KINDS = {
  city: ['city'],
  county: ['county', 'county_city', 'district'],
  township: ['town', 'township', 'subdistrict'],
  village: ['village', 'community'],
  grid: ['grid'],
} as const satisfies Record<UnitLevel, readonly string[]>;
export const UNIT_KIND_VALUES = ['city', 'county', 'county_city', 'district', 'town', 'township', 'subdistrict', 'village', 'community', 'grid'] as const;
export const UnitKind = z.enum(UNIT_KIND_VALUES);
export type UnitKind = z.infer<typeof UnitKind>;

export const UNIT_STATUSES = ['active', 'retired'] as const;
export const UnitStatus = z.enum(UNIT_STATUSES);
export type UnitStatus = z.infer<typeof UnitStatus>;

/**
 * Administrative code: the 12-digit statistical code (6 county, 3 township, 3 village);
 * cities and counties may use their 6-digit form; grids add 3 digits to their village's code.
 */
export const UnitCode = z.string().trim().regex(/^(\d{6}|\d{9}|\d{12}|\d{15})$/, { message: 'unit_code' });

export const UnitCan = z.object({
  update: z.boolean(),
  createChild: z.boolean(),
  move: z.boolean(),
  retire: z.boolean(),
  manageStaff: z.boolean(),
});
export type UnitCan = z.infer<typeof UnitCan>;

export const UnitSummary = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  level: UnitLevel,
  kind: UnitKind,
  code: z.string(),
  name: z.string(),
  status: UnitStatus,
  childCount: z.number().int(),
});
export type UnitSummary = z.infer<typeof UnitSummary>;

export const StationCompliance = z.object({
  posts: z.number().int(),
  staffedPosts: z.number().int(),
  fullTimeStaffed: z.number().int(),
  minPosts: z.number().int(),
  minFullTime: z.number().int(),
  meets: z.boolean(),
});
export type StationCompliance = z.infer<typeof StationCompliance>;

export const UnitDetail = UnitSummary.extend({
  address: z.string().nullable(),
  phone: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  retiredAt: z.string().nullable(),
  retiredReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Names of the ancestors from the top of the actor's view down to the parent. */
  breadcrumb: z.array(z.object({ id: z.uuid(), name: z.string(), code: z.string(), level: UnitLevel, visible: z.boolean() })),
  counts: z.object({ children: z.number().int(), people: z.number().int(), posts: z.number().int(), accounts: z.number().int() }),
  compliance: StationCompliance.nullable(),
  can: UnitCan,
});
export type UnitDetail = z.infer<typeof UnitDetail>;

export const UnitListQuery = Page.extend({
  parentId: z.uuid().optional(),
  q: z.string().trim().max(LIMITS.searchMax).optional(),
  level: UnitLevel.optional(),
  status: z.enum(['active', 'retired', 'all']).default('active'),
});
export const UnitList = paged(UnitSummary);

export const UnitRootsResponse = z.object({ items: z.array(UnitSummary) });

export const UnitCreate = z.object({
  parentId: z.uuid(),
  kind: UnitKind,
  code: UnitCode,
  name: text(LIMITS.nameMax),
  address: optionalText(LIMITS.addressMax),
  phone: Phone.nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
});
export type UnitCreate = z.infer<typeof UnitCreate>;

export const UnitUpdate = z
  .object({
    kind: UnitKind.optional(),
    code: UnitCode.optional(),
    name: text(LIMITS.nameMax).optional(),
    address: optionalText(LIMITS.addressMax),
    phone: Phone.nullable().optional(),
    lat: z.number().min(-90).max(90).nullable().optional(),
    lng: z.number().min(-180).max(180).nullable().optional(),
  })
  .strict();
export type UnitUpdate = z.infer<typeof UnitUpdate>;

/** A new code is needed when the old one does not extend the new parent's code. */
export const UnitMove = z.object({ parentId: z.uuid(), code: UnitCode.optional() }).strict();
export const UnitRetire = z.object({ reason: text(LIMITS.reasonMax) }).strict();

/* ---------- posts (岗位) ---------- */

export const POST_DUTIES = [
  'work_safety', // 安全生产
  'enforcement', // 综合执法
  'disaster_reduction', // 防灾减灾
  'flood_typhoon', // 防汛防台
  'forest_fire', // 森林防灭火
  'earthquake_geology', // 地震地质灾害
  'duty', // 应急值班
  'rescue', // 应急救援
  'supplies', // 物资保障
  'education', // 宣传教育
  'grid', // 网格管理
  'other',
] as const;
export const PostDuty = z.enum(POST_DUTIES);
export type PostDuty = z.infer<typeof PostDuty>;

export const EMPLOYMENTS = ['full_time', 'part_time'] as const;
export const Employment = z.enum(EMPLOYMENTS);
export type Employment = z.infer<typeof Employment>;

export const PostView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  title: z.string(),
  employment: Employment,
  duties: z.array(PostDuty),
  phone: z.string().nullable(),
  person: z.object({ id: z.uuid(), name: z.string(), phone: z.string().nullable() }).nullable(),
  sortOrder: z.number().int(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type PostView = z.infer<typeof PostView>;

export const PostList = z.object({ items: z.array(PostView), compliance: StationCompliance.nullable() });

export const PostCreate = z
  .object({
    title: text(LIMITS.nameMax),
    employment: Employment,
    duties: z.array(PostDuty).min(1).max(LIMITS.dutiesPerPostMax),
    phone: Phone.nullable().optional(),
    personId: z.uuid().nullable().optional(),
    sortOrder: z.number().int().min(0).max(9999).optional(),
  })
  .strict();
export type PostCreate = z.infer<typeof PostCreate>;
export const PostUpdate = PostCreate.partial().strict();
export type PostUpdate = z.infer<typeof PostUpdate>;

/* ---------- people (人员) ---------- */

export const PERSON_STATUSES = ['active', 'left'] as const;
export const PersonStatus = z.enum(PERSON_STATUSES);
export const GENDERS = ['male', 'female'] as const;
export const Gender = z.enum(GENDERS);

export const PersonView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  name: z.string(),
  phone: z.string(),
  gender: Gender.nullable(),
  title: z.string().nullable(),
  notes: z.string().nullable(),
  status: PersonStatus,
  posts: z.array(z.object({ id: z.uuid(), title: z.string(), employment: Employment })),
  accountId: z.uuid().nullable(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean() }),
});
export type PersonView = z.infer<typeof PersonView>;

export const PersonListQuery = Page.extend({
  unitId: z.uuid().optional(),
  /** true: the unit and all below it; false: the unit only. */
  subtree: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  q: z.string().trim().max(LIMITS.searchMax).optional(),
  status: z.enum(['active', 'left', 'all']).default('active'),
});
export const PersonList = paged(PersonView);

export const PersonCreate = z
  .object({
    unitId: z.uuid(),
    name: text(LIMITS.nameMax),
    phone: Phone,
    gender: Gender.nullable().optional(),
    title: optionalText(LIMITS.nameMax),
    notes: optionalText(LIMITS.notesMax),
  })
  .strict();
export type PersonCreate = z.infer<typeof PersonCreate>;
export const PersonUpdate = PersonCreate.omit({ unitId: true }).partial().extend({ status: PersonStatus.optional() }).strict();
export type PersonUpdate = z.infer<typeof PersonUpdate>;

/* ---------- import / export ---------- */

export const ImportKind = z.enum(['units', 'people']);
export type ImportKind = z.infer<typeof ImportKind>;
export const ImportRowAction = z.enum(['create', 'update', 'unchanged', 'error']);
export const ImportPreview = z.object({
  kind: ImportKind,
  rows: z.array(
    z.object({
      row: z.number().int(),
      action: ImportRowAction,
      key: z.string(),
      name: z.string(),
      errors: z.array(z.object({ column: z.string(), code: z.string(), message: z.string() })),
      changes: z.array(z.string()),
    }),
  ),
  counts: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), error: z.number().int() }),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
export const ImportResult = ImportPreview.extend({ applied: z.boolean() });
export type ImportResult = z.infer<typeof ImportResult>;
