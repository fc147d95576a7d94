import { z } from 'zod';
import { LIMITS } from './limits';
import { Page, paged } from './common';

export const AuditEventView = z.object({
  id: z.uuid(),
  at: z.string(),
  actor: z.object({ id: z.uuid().nullable(), username: z.string().nullable(), displayName: z.string().nullable() }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  unit: z.object({ id: z.uuid(), name: z.string(), code: z.string() }).nullable(),
  summary: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditListQuery = Page.extend({
  unitId: z.uuid().optional(),
  actorId: z.uuid().optional(),
  action: z.string().trim().max(80).optional(),
  entityType: z.string().trim().max(40).optional(),
  entityId: z.string().trim().max(80).optional(),
  q: z.string().trim().max(LIMITS.searchMax).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const AuditList = paged(AuditEventView);

/** Every kind of audit event the platform writes, with its label. New modules add theirs here. */
export const AUDIT_ACTIONS = {
  'auth.login': { zh: '登录', en: 'Signed in' },
  'auth.login_failed': { zh: '登录失败', en: 'Failed sign-in' },
  'auth.locked': { zh: '账号锁定', en: 'Account locked' },
  'auth.logout': { zh: '退出登录', en: 'Signed out' },
  'auth.password_changed': { zh: '修改密码', en: 'Changed password' },
  'org.unit.created': { zh: '新增单位', en: 'Unit created' },
  'org.unit.updated': { zh: '修改单位', en: 'Unit updated' },
  'org.unit.moved': { zh: '调整上级单位', en: 'Unit moved' },
  'org.unit.retired': { zh: '撤销单位', en: 'Unit retired' },
  'org.unit.restored': { zh: '恢复单位', en: 'Unit restored' },
  'org.post.created': { zh: '新增岗位', en: 'Post created' },
  'org.post.updated': { zh: '修改岗位', en: 'Post updated' },
  'org.post.deleted': { zh: '删除岗位', en: 'Post deleted' },
  'org.person.created': { zh: '新增人员', en: 'Person created' },
  'org.person.updated': { zh: '修改人员', en: 'Person updated' },
  'org.import.units': { zh: '导入单位', en: 'Units imported' },
  'org.import.people': { zh: '导入人员', en: 'People imported' },
  'account.created': { zh: '新增账号', en: 'Account created' },
  'account.updated': { zh: '修改账号', en: 'Account updated' },
  'account.roles_changed': { zh: '调整角色', en: 'Roles changed' },
  'account.password_reset': { zh: '重置密码', en: 'Password reset' },
  'account.unlocked': { zh: '解除锁定', en: 'Account unlocked' },
  'hazard.reported': { zh: '上报隐患', en: 'Hazard reported' },
  'hazard.verified': { zh: '核实隐患', en: 'Hazard verified' },
  'hazard.rejected': { zh: '隐患不属实', en: 'Hazard rejected' },
  'hazard.merged': { zh: '合并重复隐患', en: 'Hazard merged as duplicate' },
  'hazard.graded': { zh: '隐患定级', en: 'Hazard graded' },
  'hazard.approved': { zh: '重大隐患审批通过（挂牌督办）', en: 'Major hazard approved (supervised)' },
  'hazard.denied': { zh: '重大隐患审批退回', en: 'Major hazard approval denied' },
  'hazard.assigned': { zh: '隐患交办', en: 'Hazard assigned' },
  'hazard.progress': { zh: '整改进展', en: 'Rectification progress' },
  'hazard.submitted': { zh: '提交验收', en: 'Submitted for acceptance' },
  'hazard.accepted': { zh: '验收通过（销号）', en: 'Accepted and closed' },
  'hazard.failed': { zh: '验收不通过', en: 'Acceptance failed' },
  'hazard.reopened': { zh: '重新打开隐患', en: 'Hazard reopened' },
  'hazard.escalated': { zh: '逾期上提一级', en: 'Overdue, escalated one level up' },
  'hazard.category.created': { zh: '新增隐患类别', en: 'Hazard category created' },
  'hazard.category.updated': { zh: '修改隐患类别', en: 'Hazard category updated' },
  'patrol.started': { zh: '开始巡查', en: 'Patrol started' },
  'patrol.ended': { zh: '结束巡查', en: 'Patrol ended' },
  'risk.created': { zh: '登记风险点', en: 'Risk point registered' },
  'risk.updated': { zh: '修改风险点', en: 'Risk point updated' },
  'risk.retired': { zh: '注销风险点', en: 'Risk point retired' },
  'risk.checked': { zh: '风险点定期检查', en: 'Risk point checked' },
} as const satisfies Record<string, { zh: string; en: string }>;
export type AuditAction = keyof typeof AUDIT_ACTIONS;
