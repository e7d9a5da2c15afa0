/**
 * Property tests of the payload validator: any value, of any shape, is either accepted or
 * refused with issues; nothing throws; the bounds check agrees with a plain recursive count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { contract } from '../../../main/service/contract.js';
import { checkJsonBounds } from '../../../main/service/storage/limits.js';
import { payloadShapeIssue, toRequestIssues } from '../../../main/service/validation.js';
import { fuzzParams } from '../../helpers/fuzz.js';

function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const children = Object.values(value as Record<string, unknown>);
  return 1 + Math.max(0, ...children.map(depthOf));
}

const channels = Object.keys(contract);

describe('payload validator (fast-check)', () => {
  it('checkJsonBounds says too deep exactly when the value is deeper than the limit', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 8 }), (value, max) => {
        const problem = checkJsonBounds(value, { maxDepth: max, maxBytes: 1e9 });
        expect(problem?.kind === 'too-deep').toBe(depthOf(value) > max);
      }),
      fuzzParams(2000),
    );
  });

  it('every channel schema accepts or refuses any payload with located issues, never throws', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...channels),
        fc.oneof(fc.anything({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 5 }), fc.object()),
        (name, payload) => {
          if (payloadShapeIssue(payload) !== undefined) return;
          const parsed = contract[name as keyof typeof contract].request.safeParse(payload);
          if (!parsed.success) {
            const issues = toRequestIssues(parsed.error);
            expect(issues.length).toBeGreaterThan(0);
            for (const issue of issues) {
              expect(typeof issue.message.vi).toBe('string');
              expect(typeof issue.message.en).toBe('string');
            }
          }
        },
      ),
      fuzzParams(3000),
    );
  });
});
