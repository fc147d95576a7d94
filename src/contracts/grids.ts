import { z } from 'zod';
import { LIMITS } from './limits';
import { Page, Phone, optionalText, paged, text } from './common';
import { ImportPreview } from './org';
import { GridGeometry, GridGeometryView } from './grid-geometry';

export * from './grid-geometry';

/**
 * The grid management system (网格管理体系), one of a village point's "五个有": each grid (a unit of
 * level `grid`) has a boundary, its households (户) and its vulnerable people (重点人群), each with
 * the person who looks after them in an emergency.
 */
export const GRID_LIMITS = {
  membersMax: 99,
  /** Candidates offered for a vulnerable person's responsible person. */
  responsiblesMax: 50,
} as const;

const UnitRef = z.object({ id: z.uuid(), name: z.string(), code: z.string() });

/* ---------- boundaries ---------- */

export const GridUnitParams = z.object({ unitId: z.uuid() });

export const BoundaryPut = z.object({ geometry: GridGeometry }).strict();
export type BoundaryPut = z.input<typeof BoundaryPut>;

export const BoundaryView = z.object({
  unitId: z.uuid(),
  name: z.string(),
  code: z.string(),
  geometry: GridGeometryView.nullable(),
  updatedAt: z.string().nullable(),
  can: z.object({ update: z.boolean() }),
});
export type BoundaryView = z.infer<typeof BoundaryView>;

export const BoundariesQuery = z.object({ unitId: z.uuid().optional() });

/** A FeatureCollection (RFC 7946) of the grid boundaries of a subtree, for maps. */
export const GridFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.uuid(),
      geometry: GridGeometryView,
      properties: z.object({ unitId: z.uuid(), name: z.string(), code: z.string() }),
    }),
  ),
});
export type GridFeatureCollection = z.infer<typeof GridFeatureCollection>;

/* ---------- households (户) ---------- */

export const HOUSEHOLD_STATUSES = ['active', 'moved_out'] as const;
export const HouseholdStatus = z.enum(HOUSEHOLD_STATUSES);
export type HouseholdStatus = z.infer<typeof HouseholdStatus>;

export const HouseholdCreate = z
  .object({
    /** The grid the household lives in. */
    unitId: z.uuid(),
    address: text(LIMITS.addressMax),
    headName: text(LIMITS.nameMax),
    phone: Phone.nullable().optional(),
    members: z.number().int().min(1).max(GRID_LIMITS.membersMax),
    notes: optionalText(LIMITS.notesMax),
  })
  .strict();
export type HouseholdCreate = z.infer<typeof HouseholdCreate>;
export const HouseholdUpdate = HouseholdCreate.omit({ unitId: true }).partial().extend({ status: HouseholdStatus.optional() }).strict();
export type HouseholdUpdate = z.infer<typeof HouseholdUpdate>;

export const HouseholdView = z.object({
  id: z.uuid(),
  unit: UnitRef,
  address: z.string(),
  headName: z.string(),
  phone: z.string().nullable(),
  members: z.number().int(),
  notes: z.string().nullable(),
  status: HouseholdStatus,
  /** Vulnerable people on record (在册) in this household. */
  vulnerableCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean() }),
});
export type HouseholdView = z.infer<typeof HouseholdView>;

export const HouseholdListQuery = Page.extend({
  /** A grid, or a village (township, …) for all its grids. */
  unitId: z.uuid().optional(),
  q: z.string().trim().max(LIMITS.searchMax).optional(),
  status: z.enum(['active', 'moved_out', 'all']).default('active'),
});
export const HouseholdList = paged(HouseholdView);

/* ---------- vulnerable people (重点人群) ---------- */

export const VULNERABLE_CATEGORIES = [
  'elderly_alone', // 独居老人
  'disabled', // 残疾人
  'pregnant', // 孕妇
  'seriously_ill', // 重病
  'left_behind_child', // 留守儿童
  'other', // 其他
] as const;
export const VulnerableCategory = z.enum(VULNERABLE_CATEGORIES);
export type VulnerableCategory = z.infer<typeof VulnerableCategory>;

/** 在册 on record, or 已移除 (moved away, passed away, no longer vulnerable). */
export const VULNERABLE_STATUSES = ['active', 'removed'] as const;
export const VulnerableStatus = z.enum(VULNERABLE_STATUSES);
export type VulnerableStatus = z.infer<typeof VulnerableStatus>;

export const VulnerableCreate = z
  .object({
    unitId: z.uuid(),
    name: text(LIMITS.nameMax),
    category: VulnerableCategory,
    /** A household of the same grid. */
    householdId: z.uuid().nullable().optional(),
    phone: Phone.nullable().optional(),
    notes: optionalText(LIMITS.notesMax),
    /** Who looks after them in an emergency: an active person of the same village (社区). */
    responsiblePersonId: z.uuid().nullable().optional(),
  })
  .strict();
export type VulnerableCreate = z.infer<typeof VulnerableCreate>;
export const VulnerableUpdate = VulnerableCreate.omit({ unitId: true }).partial().extend({ status: VulnerableStatus.optional() }).strict();
export type VulnerableUpdate = z.infer<typeof VulnerableUpdate>;

export const ResponsiblePerson = z.object({ id: z.uuid(), name: z.string(), phone: z.string(), unitName: z.string(), title: z.string().nullable() });
export type ResponsiblePerson = z.infer<typeof ResponsiblePerson>;

export const VulnerableView = z.object({
  id: z.uuid(),
  unit: UnitRef,
  name: z.string(),
  category: VulnerableCategory,
  phone: z.string().nullable(),
  notes: z.string().nullable(),
  status: VulnerableStatus,
  household: z.object({ id: z.uuid(), address: z.string(), headName: z.string(), status: HouseholdStatus }).nullable(),
  responsible: ResponsiblePerson.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean() }),
});
export type VulnerableView = z.infer<typeof VulnerableView>;

export const VulnerableListQuery = Page.extend({
  unitId: z.uuid().optional(),
  q: z.string().trim().max(LIMITS.searchMax).optional(),
  category: VulnerableCategory.optional(),
  status: z.enum(['active', 'removed', 'all']).default('active'),
  householdId: z.uuid().optional(),
  /** Only those without a responsible person (未落实责任人). */
  unassigned: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const VulnerableList = paged(VulnerableView);

/** People who may be made responsible for a vulnerable person of a grid, by name or phone. */
export const ResponsibleQuery = z.object({ q: z.string().trim().max(LIMITS.searchMax).optional() });
export const ResponsibleList = z.object({ items: z.array(ResponsiblePerson) });

/* ---------- Excel import / export ---------- */

export const GridImportKind = z.enum(['households', 'vulnerable']);
export type GridImportKind = z.infer<typeof GridImportKind>;
export const GridImportPreview = ImportPreview.extend({ kind: GridImportKind });
export type GridImportPreview = z.infer<typeof GridImportPreview>;
export const GridImportResult = GridImportPreview.extend({ applied: z.boolean() });
export type GridImportResult = z.infer<typeof GridImportResult>;
