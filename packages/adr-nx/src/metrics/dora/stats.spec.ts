import { median, percentile } from './stats';

describe('percentile (PERCENTILE_CONT)', () => {
  it('interpolates between ranks like Four Keys\' SQL', () => {
    expect(median([10, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    // p90 of 1..10: rank 0.9 * 9 = 8.1 -> 9 + 0.1 * (10 - 9) = 9.1
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
  });

  it('is null without values and the value itself for one', () => {
    expect(median([])).toBeNull();
    expect(percentile([42], 0.9)).toBe(42);
  });
});
