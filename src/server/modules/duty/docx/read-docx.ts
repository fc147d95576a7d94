/**
 * Reads back what a .docx holds, for tests (unit, integration and browser) that check a generated
 * document: every paragraph's text in document order, the tables cell by cell, and the core
 * properties. It reads the WordprocessingML our generator writes, not every construct Word allows
 * (no text boxes, no nested tables), and it trusts its input: do not point it at uploads.
 */
import JSZip from 'jszip';

export interface DocxCoreProperties {
  title?: string;
  subject?: string;
  creator?: string;
  keywords?: string;
  description?: string;
  lastModifiedBy?: string;
  created?: string;
  modified?: string;
}

export interface DocxContent {
  /** The text of every paragraph that has any, in document order, table cells included. A tab is "\t". */
  paragraphs: string[];
  /** Each table as rows of cell texts (a cell's paragraphs joined by "\n"). */
  tables: string[][][];
  properties: DocxCoreProperties;
  /** The raw [Content_Types].xml. */
  contentTypes: string;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decode = (xml: string) =>
  xml.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : ENTITY[e.toLowerCase()],
  );

/** The inner XML of every <w:tag …>…</w:tag> (and "" for each <w:tag/>), in order. */
function elements(xml: string, tag: string): string[] {
  const re = new RegExp(`<w:${tag}(?:\\s[^>]*)?/>|<w:${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</w:${tag}>`, 'g');
  return Array.from(xml.matchAll(re), (m) => m[1] ?? '');
}

/** A paragraph's text: its <w:t> runs, with <w:tab/> as a tab and <w:br/> as a newline. */
function paragraphText(inner: string): string {
  return Array.from(
    inner.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:(tab|br|cr)(?:\s[^>]*)?\/>/g),
    // A <w:tab …/> with attributes is a tab stop's definition in the paragraph properties, not text.
    (m) => (m[1] !== undefined ? decode(m[1]) : m[2] !== 'tab' ? '\n' : m[0] === '<w:tab/>' ? '\t' : ''),
  ).join('');
}

const textOfParagraphs = (xml: string) => elements(xml, 'p').map(paragraphText);

function coreProperties(xml: string): DocxCoreProperties {
  const field = (qname: string) => {
    const m = new RegExp(`<${qname}(?:\\s[^>]*)?>([\\s\\S]*?)</${qname}>`).exec(xml);
    return m ? decode(m[1]) : undefined;
  };
  return {
    title: field('dc:title'),
    subject: field('dc:subject'),
    creator: field('dc:creator'),
    keywords: field('cp:keywords'),
    description: field('dc:description'),
    lastModifiedBy: field('cp:lastModifiedBy'),
    created: field('dcterms:created'),
    modified: field('dcterms:modified'),
  };
}

async function part(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`not a Word document: ${name} is missing`);
  return file.async('string');
}

export async function readDocx(buffer: Buffer | Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(buffer);
  const [document, contentTypes] = await Promise.all([part(zip, 'word/document.xml'), part(zip, '[Content_Types].xml')]);
  const core = zip.file('docProps/core.xml');
  return {
    paragraphs: textOfParagraphs(document).filter((t) => t !== ''),
    tables: elements(document, 'tbl').map((tbl) =>
      elements(tbl, 'tr').map((tr) => elements(tr, 'tc').map((tc) => textOfParagraphs(tc).join('\n'))),
    ),
    properties: core ? coreProperties(await core.async('string')) : {},
    contentTypes,
  };
}
