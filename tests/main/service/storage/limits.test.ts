import { describe, expect, it } from 'vitest';

import { checkJsonBounds } from '../../../../main/service/storage/limits.js';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('checkJsonBounds', () => {
  it('accepts the depth limit and refuses one more, without recursion at 100,000 levels', () => {
    expect(checkJsonBounds(nested(64))).toBeUndefined();
    expect(checkJsonBounds(nested(65))).toMatchObject({ kind: 'too-deep', limit: 64 });
    expect(checkJsonBounds(nested(100_000))).toMatchObject({ kind: 'too-deep' });
  });

  it('names the path of the first value past the bound', () => {
    expect(checkJsonBounds({ a: { b: [nested(3)] } }, { maxDepth: 4 })).toMatchObject({
      kind: 'too-deep',
      path: 'a.b.0.0',
    });
  });

  it('refuses a value larger than the size limit', () => {
    expect(checkJsonBounds({ s: 'x'.repeat(100) }, { maxBytes: 50 })).toMatchObject({
      kind: 'too-large',
      path: 's',
    });
    expect(checkJsonBounds({ s: 'x'.repeat(10) }, { maxBytes: 50 })).toBeUndefined();
  });

  it('treats a cycle as too deep instead of looping', () => {
    const a: Record<string, unknown> = {};
    a['self'] = a;
    expect(checkJsonBounds(a)).toMatchObject({ kind: 'too-deep' });
  });
});
