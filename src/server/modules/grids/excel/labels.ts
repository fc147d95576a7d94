import type { HouseholdStatus, VulnerableCategory, VulnerableStatus } from '../../../../contracts/grids';
import type { Labels } from '../../org/excel/labels';

/** The Chinese words the grid sheets use for enum values; the first is what the export writes. */
export const HOUSEHOLD_STATUS_LABELS: Labels<HouseholdStatus> = { active: ['在住', '现住'], moved_out: ['已迁出', '迁出'] };

export const VULNERABLE_CATEGORY_LABELS: Labels<VulnerableCategory> = {
  elderly_alone: ['独居老人', '独居', '空巢老人'],
  disabled: ['残疾人', '残疾'],
  pregnant: ['孕妇', '孕产妇'],
  seriously_ill: ['重病', '重病患者', '重病人员'],
  left_behind_child: ['留守儿童'],
  other: ['其他'],
};

export const VULNERABLE_STATUS_LABELS: Labels<VulnerableStatus> = { active: ['在册'], removed: ['已移除', '移除', '已销册'] };
