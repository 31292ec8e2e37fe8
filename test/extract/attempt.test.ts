import { describe, expect, it } from '@jest/globals';
import { attempt } from '../../src/extract/attempt.js';

describe('attempt', () => {
  it('returns what the work returns and adds no warning', () => {
    const warnings: string[] = [];
    expect(attempt(warnings, 'embeds', () => 3, 0)).toBe(3);
    expect(warnings).toEqual([]);
  });

  it('turns a throw into "<what> failed: <message on one line>" and returns the fallback', () => {
    const warnings: string[] = [];
    const result = attempt(warnings, 'embed detector x', () => {
      throw new Error('bad\n   selector');
    }, 'fallback');
    expect(result).toBe('fallback');
    expect(warnings).toEqual(['embed detector x failed: bad selector']);
  });

  it('reports a thrown non-Error and the same failure only once', () => {
    const warnings: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      attempt(warnings, 'corrections', () => {
        throw 'a string';
      }, null);
    }
    expect(warnings).toEqual(['corrections failed: a string']);
  });
});
