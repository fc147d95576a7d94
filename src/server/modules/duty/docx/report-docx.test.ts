import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocx } from './read-docx';
import { casualtiesText, reportDocx, reportKindLabel, type ReportDocxInput } from './report-docx';
import { expectInOrder } from './test-support';

const fire: ReportDocxInput = {
  stationName: '石狮市宝盖镇应急管理站',
  kind: 'initial',
  title: '关于宝盖镇塘后村发生厂房火灾的首报',
  reportingUnit: '石狮市宝盖镇人民政府',
  issuer: '陈建国',
  reporter: { name: '林晓梅', phone: '0595-88123456' },
  occurredAt: '2026-11-29T10:12:00Z',
  location: '宝盖镇塘后村工业区3号厂房',
  eventType: '火灾',
  casualties: { dead: 0, injured: 2, missing: 0 },
  narrative: '11月29日18时12分，塘后村工业区3号厂房二楼仓库起火。\n18时20分镇专职消防队到场。',
  measures: '疏散周边群众120人；设置警戒区。',
  nextSteps: '继续监测复燃，及时续报。',
  reportedAt: '2026-11-29T10:30:00Z',
};

const SECTIONS = ['一、时间', '二、地点', '三、事件类型', '四、伤亡情况', '五、事件经过', '六、已采取措施', '七、下步打算'];

describe('reportDocx', () => {
  it('holds every field, in the official order', async () => {
    const doc = await readDocx(await reportDocx(fire));
    expectInOrder(doc.paragraphs, [
      '石狮市宝盖镇应急管理站',
      '突发事件信息报告',
      '首报',
      '报送单位：石狮市宝盖镇人民政府\t签发人：陈建国',
      '报告人：林晓梅　联系电话：0595-88123456',
      '关于宝盖镇塘后村发生厂房火灾的首报',
      '一、时间',
      '2026年11月29日 18时12分',
      '二、地点',
      '宝盖镇塘后村工业区3号厂房',
      '三、事件类型',
      '火灾',
      '四、伤亡情况',
      '死亡0人，受伤2人，失联0人。',
      '五、事件经过',
      '11月29日18时12分，塘后村工业区3号厂房二楼仓库起火。',
      '18时20分镇专职消防队到场。',
      '六、已采取措施',
      '疏散周边群众120人；设置警戒区。',
      '七、下步打算',
      '继续监测复燃，及时续报。',
      '石狮市宝盖镇人民政府',
      '2026年11月29日 18时30分',
    ]);
    // Nothing but these: the last paragraph is the time.
    expect(doc.paragraphs.at(-1)).toBe('2026年11月29日 18时30分');
    expect(doc.tables).toEqual([]);
  });

  it('writes the title, subject and creator into the document properties', async () => {
    const doc = await readDocx(await reportDocx({ ...fire, kind: 'follow_up', sequence: 2 }));
    expect(doc.properties).toMatchObject({
      title: '关于宝盖镇塘后村发生厂房火灾的首报',
      subject: '突发事件信息报告 续报（第2次）',
      creator: 'LastMeter',
      lastModifiedBy: 'LastMeter',
    });
  });

  it('names the kind of report in the header', async () => {
    expect(reportKindLabel('initial')).toBe('首报');
    expect(reportKindLabel('follow_up', 3)).toBe('续报（第3次）');
    expect(reportKindLabel('follow_up')).toBe('续报');
    expect(reportKindLabel('final', 4)).toBe('终报');
    const final = await readDocx(await reportDocx({ ...fire, kind: 'final', title: '关于宝盖镇塘后村发生厂房火灾的终报' }));
    expectInOrder(final.paragraphs, ['突发事件信息报告', '终报', '关于宝盖镇塘后村发生厂房火灾的终报']);
  });

  it('keeps every heading of an empty section and says 无', async () => {
    const { nextSteps: _left, ...withoutNextSteps } = fire;
    const doc = await readDocx(await reportDocx({ ...withoutNextSteps, location: '', narrative: null, measures: ' \n\t ' }));
    expectInOrder(doc.paragraphs, ['二、地点', '无', '三、事件类型', '火灾', '四、伤亡情况', '死亡0人，受伤2人，失联0人。', '五、事件经过', '无', '六、已采取措施', '无', '七、下步打算', '无', '石狮市宝盖镇人民政府']);
    for (const heading of SECTIONS) expect(doc.paragraphs.filter((p) => p === heading)).toHaveLength(1);
  });

  it('says 不详 for a count not known yet', () => {
    expect(casualtiesText({ dead: 1, injured: null, missing: 3 })).toBe('死亡1人，受伤不详，失联3人。');
  });

  it('keeps special characters, emoji and long Chinese text intact', async () => {
    const tricky = 'A&B <厂房> "东侧" \'西侧\' “引号” 🚒🔥 &amp; ]]> \\ 5%';
    const long = '村民反映山体出现裂缝并伴有落石，'.repeat(300);
    const doc = await readDocx(
      await reportDocx({
        ...fire,
        title: `关于${tricky}的首报`,
        issuer: tricky,
        location: tricky,
        narrative: long,
        measures: `${tricky}\n第二行`,
      }),
    );
    expectInOrder(doc.paragraphs, [
      `报送单位：石狮市宝盖镇人民政府\t签发人：${tricky}`,
      `关于${tricky}的首报`,
      '二、地点',
      tricky,
      '五、事件经过',
      long,
      '六、已采取措施',
      tricky,
      '第二行',
    ]);
    expect(doc.properties.title).toBe(`关于${tricky}的首报`);
  });

  it('drops the characters XML cannot hold instead of writing a file Word refuses', async () => {
    const buffer = await reportDocx({ ...fire, location: '塘后村\u0000\u0007\u001F\uFFFF\uD800村口', issuer: '陈\uDC00建国' });
    const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFF]/);
    const doc = await readDocx(buffer);
    expectInOrder(doc.paragraphs, ['报送单位：石狮市宝盖镇人民政府\t签发人：陈建国', '二、地点', '塘后村村口']);
  });

  it('round-trips any text in a section', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), async (text) => {
        const clean = text.replace(/[\u0000-\u001F\uFFFE\uFFFF]/g, '').trim(); // eslint-disable-line no-control-regex
        fc.pre(clean !== '');
        const doc = await readDocx(await reportDocx({ ...fire, eventType: clean }));
        expectInOrder(doc.paragraphs, ['三、事件类型', clean, '四、伤亡情况']);
      }),
      { numRuns: 30 },
    );
  });

  it('is a small, valid Word package', async () => {
    const buffer = await reportDocx(fire);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const zip = await JSZip.loadAsync(buffer);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
    expect((await readDocx(buffer)).contentTypes).toBe(types);
    expect(buffer.length).toBeLessThan(50 * 1024);
    mkdirSync('/tmp/shots-docx', { recursive: true });
    writeFileSync('/tmp/shots-docx/report-initial.docx', buffer);
  });
});
