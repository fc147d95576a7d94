import { describe, expect, it } from 'vitest';
import { dueAt, endEntryText, EVENT_GRADE_OF_WARNING } from './rules';

describe('response rules', () => {
  it('grades the event by the warning colour, red as 重大', () => {
    expect(EVENT_GRADE_OF_WARNING).toEqual({ red: 'major', orange: 'larger', yellow: 'general', blue: 'general' });
  });

  it('puts a task due at the start plus its limit, and none without a limit', () => {
    const start = new Date('2026-06-01T02:00:00Z');
    expect(dueAt(start, 90)?.toISOString()).toBe('2026-06-01T03:30:00.000Z');
    expect(dueAt(start, null)).toBeNull();
  });

  it('writes the summary with the completion figures', () => {
    expect(endEntryText({ planName: '宝盖镇防御台风应急预案', level: 'I', summary: '转移 1,200 人，无伤亡' }, { total: 5, done: 3, overdue: 2 })).toBe(
      '应急响应结束（宝盖镇防御台风应急预案，Ⅰ级响应）：转移 1,200 人，无伤亡（任务完成 3/5 项，逾期未完成 2 项）',
    );
    expect(endEntryText({ planName: 'P', level: 'IV', summary: 'S' }, { total: 0, done: 0, overdue: 0 })).toBe('应急响应结束（P，Ⅳ级响应）：S（无清单任务）');
  });
});
