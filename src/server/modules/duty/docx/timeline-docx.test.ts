import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocx } from './read-docx';
import { inTimeOrder, timelineDocx, type TimelineDocxInput } from './timeline-docx';
import { expectInOrder } from './test-support';

const fire: TimelineDocxInput = {
  title: '宝盖镇塘后村厂房火灾',
  eventType: '火灾',
  grade: '一般',
  place: '宝盖镇塘后村工业区3号厂房',
  receivedAt: '2026-11-29T10:15:00Z',
  status: '处置中',
  // Given out of order, and across midnight in Beijing (16:00 UTC).
  entries: [
    { at: '2026-11-29T16:05:00Z', who: '值班员 林晓梅', what: '现场明火扑灭，转入监护。' },
    { at: '2026-11-29T10:15:00Z', who: '值班员 林晓梅', what: '接群众电话报告厂房起火。' },
    { at: '2026-11-29T10:30:00Z', who: '带班领导 陈建国', what: '签发首报。' },
    { at: '2026-11-29T10:30:00Z', who: '县应急管理局', what: '收到首报。' },
  ],
  exportedBy: '林晓梅',
  exportedAt: '2026-11-29T16:20:00Z',
};

describe('timelineDocx', () => {
  it('holds the title, the facts and every entry in time order, in Beijing time', async () => {
    const doc = await readDocx(await timelineDocx(fire));
    expectInOrder(doc.paragraphs, ['宝盖镇塘后村厂房火灾事件时间线', '一、基本情况', '事件类型', '二、时间线', '时间']);
    expect(doc.tables).toEqual([
      [
        ['事件类型', '火灾'],
        ['事件等级', '一般'],
        ['发生地点', '宝盖镇塘后村工业区3号厂房'],
        ['接报时间', '2026年11月29日 18时15分'],
        ['当前状态', '处置中'],
      ],
      [
        ['时间', '人员', '内容'],
        ['2026-11-29 18:15', '值班员 林晓梅', '接群众电话报告厂房起火。'],
        ['2026-11-29 18:30', '带班领导 陈建国', '签发首报。'],
        ['2026-11-29 18:30', '县应急管理局', '收到首报。'],
        ['2026-11-30 00:05', '值班员 林晓梅', '现场明火扑灭，转入监护。'],
      ],
    ]);
    expect(doc.paragraphs.at(-1)).toBe('导出人：林晓梅　导出时间：2026年11月30日 00时20分');
    expect(doc.properties).toMatchObject({ title: '宝盖镇塘后村厂房火灾事件时间线', subject: '事件时间线', creator: 'LastMeter' });
  });

  it('keeps entries at the same instant in the order given', () => {
    const same = [
      { at: '2026-11-29T10:30:00+08:00', who: 'b', what: '2' },
      { at: '2026-11-29T02:30:00Z', who: 'a', what: '1' },
      { at: '2026-11-29T02:29:00Z', who: 'c', what: '0' },
    ];
    expect(inTimeOrder(same).map((e) => e.what)).toEqual(['0', '2', '1']);
  });

  it('says 无 when there are no entries, and leaves out the foot without an export time', async () => {
    const { exportedAt: _at, exportedBy: _by, ...bare } = fire;
    const doc = await readDocx(await timelineDocx({ ...bare, entries: [], status: '' }));
    expect(doc.tables[0].at(-1)).toEqual(['当前状态', '无']);
    expect(doc.tables[1]).toEqual([['时间', '人员', '内容'], ['无']]);
    expect(doc.paragraphs.at(-1)).toBe('无');
    expect(doc.paragraphs.some((p) => p.includes('导出'))).toBe(false);
  });

  it('keeps special characters, emoji, several lines and long Chinese text intact', async () => {
    const tricky = 'A&B <泵站> "北侧" \'南侧\' 🌊⚠️ &lt; ]]>';
    const long = '台风“海葵”影响期间，沿海低洼地带积水严重，'.repeat(200);
    const doc = await readDocx(
      await timelineDocx({
        ...fire,
        title: tricky,
        place: tricky,
        entries: [{ at: '2026-11-29T10:15:00Z', who: tricky, what: `${long}\n第二段` }],
      }),
    );
    expect(doc.paragraphs[0]).toBe(`${tricky}事件时间线`);
    expect(doc.properties.title).toBe(`${tricky}事件时间线`);
    expect(doc.tables[0][2]).toEqual(['发生地点', tricky]);
    expect(doc.tables[1][1]).toEqual(['2026-11-29 18:15', tricky, `${long}\n第二段`]);
  });

  it('is a small, valid Word package', async () => {
    const entries = Array.from({ length: 40 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 10, 29, 10, 15 + i * 7)).toISOString(),
      who: i % 2 ? '带班领导 陈建国' : '值班员 林晓梅',
      what: `第${i + 1}条：现场情况更新，人员已疏散，道路已管控。`,
    }));
    const buffer = await timelineDocx({ ...fire, entries });
    const doc = await readDocx(buffer);
    expect(doc.contentTypes).toContain('wordprocessingml.document.main+xml');
    expect(doc.tables[1]).toHaveLength(41);
    expect(buffer.length).toBeLessThan(50 * 1024);
    mkdirSync('/tmp/shots-docx', { recursive: true });
    writeFileSync('/tmp/shots-docx/timeline.docx', buffer);
  });
});
