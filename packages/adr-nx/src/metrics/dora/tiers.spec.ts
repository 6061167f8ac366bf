import { formatDuration } from './render';
import { changeFailureRateTier, deploymentFrequencyTier, leadTimeTier, timeToRestoreTier } from './tiers';
import type { DeploymentFrequency } from './deployment-frequency';

describe('DORA 2023 tiers at their limits', () => {
  it('lead time: < 1 day elite, < 1 week high, < 30 days medium, else low', () => {
    expect([86399, 86400, 604799, 604800, 2591999, 2592000].map(leadTimeTier)).toEqual(['elite', 'high', 'high', 'medium', 'medium', 'low']);
    expect(leadTimeTier(null)).toBeNull();
  });

  it('change failure rate: <= 5 % elite, <= 10 % high, <= 15 % medium, else low', () => {
    expect([0, 0.05, 0.0501, 0.1, 0.15, 0.1501].map(changeFailureRateTier)).toEqual(['elite', 'elite', 'high', 'high', 'medium', 'low']);
  });

  it('time to restore: < 1 hour elite, < 1 day high, < 1 week medium, else low', () => {
    expect([3599, 3600, 86400, 604799, 604800].map(timeToRestoreTier)).toEqual(['elite', 'high', 'medium', 'medium', 'low']);
  });

  it('deployment frequency on the median week and month', () => {
    const f = (week: number, month: number) => ({ medianDeploymentDaysPerWeek: week, medianDeploymentDaysPerMonth: month }) as DeploymentFrequency;
    expect([f(5, 20), f(4, 20), f(1, 4), f(0.5, 2), f(0, 1), f(0, 0.5)].map(deploymentFrequencyTier)).toEqual(['elite', 'high', 'high', 'medium', 'medium', 'low']);
  });
});

describe('formatDuration', () => {
  it('gives two units at most', () => {
    expect([0, 59, 2700, 4500, 93784, 155520].map(formatDuration)).toEqual(['0s', '59s', '45m', '1h 15m', '1d 2h', '1d 19h']);
    expect(formatDuration(null)).toBe('n/a');
  });
});
