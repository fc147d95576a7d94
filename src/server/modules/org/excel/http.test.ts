import { describe, expect, it } from 'vitest';
import { treeOrder } from './export.service';
import { contentDisposition } from './http';

describe('contentDisposition', () => {
  it('gives an ASCII name and the UTF-8 name encoded per RFC 5987', () => {
    expect(contentDisposition({ fileName: '单位-宝盖镇-20260601.xlsx', asciiName: 'units-20260601.xlsx' })).toBe(
      "attachment; filename=\"units-20260601.xlsx\"; filename*=UTF-8''%E5%8D%95%E4%BD%8D-%E5%AE%9D%E7%9B%96%E9%95%87-20260601.xlsx",
    );
  });

  it("also encodes the characters encodeURIComponent leaves: ' ( ) *", () => {
    expect(contentDisposition({ fileName: "a'(b)*.xlsx", asciiName: 'x.xlsx' })).toContain("filename*=UTF-8''a%27%28b%29%2A.xlsx");
  });
});

describe('treeOrder', () => {
  it('puts each unit before its subtree and siblings by code, whatever the input order', () => {
    const u = (id: string, parentId: string | null, code: string) => ({ id, parentId, code });
    const rows = [u('v2', 't', '350581101201'), u('g', 'v1', '350581101200001'), u('v1', 't', '350581101200'), u('t', 'c', '350581101000'), u('c', 'x', '350581000000'), u('t2', 'c', '350581100000')];
    expect(treeOrder(rows).map((r) => r.id)).toEqual(['c', 't2', 't', 'v1', 'g', 'v2']);
  });

  it('keeps a parent first even when its code sorts after its child (a 9-digit child under a 12-digit county code)', () => {
    const rows = [
      { id: 'county', parentId: null, code: '350581000000' },
      { id: 'town', parentId: 'county', code: '350581000' },
    ];
    expect(treeOrder([...rows].reverse()).map((r) => r.id)).toEqual(['county', 'town']);
  });
});
