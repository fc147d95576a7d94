import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from './field-messages';
import * as contracts from '../../../contracts';

describe('field messages', () => {
  it('has a zh and en text for every named rule the contracts use', () => {
    const named = ['phone', 'unit_code', 'username', 'category_code', 'file_id', 'note_required', 'position_dims', 'year_month', 'ring_not_closed', 'ring_self_intersects', 'too_many_vertices'];
    for (const code of named) {
      const err = z.string().refine(() => false, { message: code }).safeParse('x').error!;
      const [f] = fieldErrors(err, 'body');
      expect(f!.code, code).toBe(code);
      expect(f!.zh).not.toBe('取值无效');
    }
  });

  it('names the field and says what is wrong', () => {
    const err = contracts.PersonCreate.safeParse({ unitId: 'x', name: '', phone: '123' }).error!;
    const fields = fieldErrors(err, 'body');
    expect(fields.map((f) => f.path).sort()).toEqual(['body.name', 'body.phone', 'body.unitId']);
    expect(fields.find((f) => f.path === 'body.phone')!.code).toBe('phone');
  });
});
