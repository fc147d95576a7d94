import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocx } from './read-docx';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

async function docx(body: string, core?: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', `<w:document ${W}><w:body>${body}</w:body></w:document>`);
  if (core) zip.file('docProps/core.xml', core);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('readDocx', () => {
  it('reads paragraphs in order: runs joined, tabs and breaks kept, entities decoded, empty ones skipped', async () => {
    const doc = await readDocx(
      await docx(
        '<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9000"/></w:tabs></w:pPr><w:r><w:t>报送</w:t></w:r><w:r><w:t xml:space="preserve">单位 </w:t><w:tab/><w:t>A&amp;B&lt;&#x1F692;&#38;</w:t></w:r></w:p>' +
          '<w:p/><w:p><w:pPr/></w:p>' +
          '<w:p w:rsidR="1"><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>',
      ),
    );
    expect(doc.paragraphs).toEqual(['报送单位 \tA&B<🚒&', '第一行\n第二行']);
    expect(doc.properties).toEqual({});
    expect(doc.contentTypes).toBe('<Types/>');
  });

  it('reads tables cell by cell, and their paragraphs among the others', async () => {
    const cell = (t: string) => `<w:tc><w:tcPr/><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const doc = await readDocx(
      await docx(
        `<w:p><w:r><w:t>前</w:t></w:r></w:p><w:tbl><w:tblPr/><w:tr><w:trPr/>${cell('甲')}${cell('乙')}</w:tr><w:tr>${cell('丙')}<w:tc><w:p><w:r><w:t>丁</w:t></w:r></w:p><w:p><w:r><w:t>戊</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>后</w:t></w:r></w:p>`,
      ),
    );
    expect(doc.tables).toEqual([[['甲', '乙'], ['丙', '丁\n戊']]]);
    expect(doc.paragraphs).toEqual(['前', '甲', '乙', '丙', '丁', '戊', '后']);
  });

  it('reads the core properties', async () => {
    const core =
      '<cp:coreProperties xmlns:cp="c" xmlns:dc="d" xmlns:dcterms="t"><dc:title>关于&quot;台风&quot;的首报</dc:title><dc:creator>LastMeter</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-11-29T10:30:00Z</dcterms:created></cp:coreProperties>';
    const doc = await readDocx(await docx('', core));
    expect(doc.properties).toMatchObject({ title: '关于"台风"的首报', creator: 'LastMeter', created: '2026-11-29T10:30:00Z' });
    expect(doc.properties.subject).toBeUndefined();
  });

  it('refuses what is not a Word document', async () => {
    await expect(readDocx(Buffer.from('not a zip'))).rejects.toThrow();
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    await expect(readDocx(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toThrow(/word\/document\.xml is missing/);
  });
});
