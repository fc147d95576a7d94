import type { DutyEventGrade } from '../../../contracts/duty-events';
import { RESPONSE_LEVEL_ROMAN, type ResponseLevel } from '../../../contracts/plans';
import type { WarningLevel } from '../../../contracts/warnings';

/** The grade of the duty event a warning's response joins: 红 → 重大, 橙 → 较大, 黄 and 蓝 → 一般. */
export const EVENT_GRADE_OF_WARNING: Record<WarningLevel, DutyEventGrade> = { red: 'major', orange: 'larger', yellow: 'general', blue: 'general' };

/** A task's due time: the start plus its time limit; none without a limit. */
export const dueAt = (startedAt: Date, timeLimitMinutes: number | null) => (timeLimitMinutes === null ? null : new Date(startedAt.getTime() + timeLimitMinutes * 60_000));

/** The line the end of a response adds to the event's timeline: the summary and how the checklist went. */
export function endEntryText(r: { planName: string; level: ResponseLevel; summary: string }, p: { total: number; done: number; overdue: number }): string {
  const figures = p.total ? `任务完成 ${p.done}/${p.total} 项${p.overdue ? `，逾期未完成 ${p.overdue} 项` : ''}` : '无清单任务';
  return `应急响应结束（${r.planName}，${RESPONSE_LEVEL_ROMAN[r.level]}级响应）：${r.summary}（${figures}）`;
}
