import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error';
import { sheetWith } from './test-support';
import { checkZip, ZIP_LIMITS } from './zip-guard';

type Entry = { name: string; data: Buffer; deflate?: boolean; claimedSize?: number };

/** A minimal zip writer, so the tests can make archives that lie about their sizes. */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.deflate ? zlib.deflateRawSync(e.data) : e.data;
    const size = e.claimedSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const refused = (buf: Buffer, limits = ZIP_LIMITS) => {
  try {
    checkZip(buf, limits);
    return false;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('IMPORT_FILE_INVALID');
    return true;
  }
};

describe('checkZip', () => {
  it('lets a real workbook through', async () => {
    expect(refused(await sheetWith([['代码', '名称'], ['350581101000', '宝盖镇']]))).toBe(false);
  });

  it('lets stored and deflated entries within the budget through', () => {
    expect(refused(zip([{ name: 'a.xml', data: Buffer.from('<a/>') }, { name: 'b.xml', data: Buffer.alloc(1000, 'x'), deflate: true }]))).toBe(false);
  });

  it('refuses a zip bomb: a small entry that inflates past the budget', () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(ZIP_LIMITS.unzippedBytesMax + 1), deflate: true }]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(refused(bomb)).toBe(true);
  });

  it('does not trust the sizes the archive claims', () => {
    const liar = zip([{ name: 'big.xml', data: Buffer.alloc(4096), deflate: true, claimedSize: 10 }]);
    expect(refused(liar, { entriesMax: 10, unzippedBytesMax: 2048 })).toBe(true);
  });

  it('counts the budget over all entries', () => {
    const many = zip(Array.from({ length: 5 }, (_, i) => ({ name: `p${i}.xml`, data: Buffer.alloc(500), deflate: true })));
    expect(refused(many, { entriesMax: 10, unzippedBytesMax: 2000 })).toBe(true);
    expect(refused(many, { entriesMax: 10, unzippedBytesMax: 2500 })).toBe(false);
    expect(refused(many, { entriesMax: 4, unzippedBytesMax: 2500 })).toBe(true);
  });

  it('refuses what is not a zip, truncated archives, and unknown compression', () => {
    const good = zip([{ name: 'a.xml', data: Buffer.alloc(100, 'a'), deflate: true }]);
    expect(refused(Buffer.from('not a zip at all, just some text'))).toBe(true);
    expect(refused(good.subarray(0, good.length - 30))).toBe(true);
    expect(refused(good.subarray(0, 40))).toBe(true);
    const odd = Buffer.from(good);
    odd.writeUInt16LE(12, odd.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    expect(refused(odd)).toBe(true);
  });
});
