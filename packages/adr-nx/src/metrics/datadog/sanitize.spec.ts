import { createTagSanitizer, sanitizeMetricName, sanitizeTag, tag } from './sanitize';

describe('Datadog naming rules', () => {
  it.each([
    ['fx.nx.task.duration', 'fx.nx.task.duration'],
    ['fx nx/Build-Time', 'fx_nx_Build_Time'],
    ['9lives.metric', 'lives.metric'],
    ['a__b..', 'a_b'],
    ['x'.repeat(250), 'x'.repeat(200)],
  ])('metric %s -> %s', (input, expected) => expect(sanitizeMetricName(input)).toBe(expected));

  it.each([
    ['Project:@acme/Lib-A', 'project:_acme/lib-a'],
    ['branch:feature/ABC 123!!', 'branch:feature/abc_123'],
    ['équipe:Données', 'équipe:données'],
    ['__9key:value', 'key:value'],
    ['key:', 'key'],
    ['!!!', null],
  ])('tag %s -> %s', (input, expected) => expect(sanitizeTag(input)).toBe(expected));

  it('drops tags without a value and de-duplicates after cleaning', () => {
    expect(tag('configuration', undefined)).toBeNull();
    expect(tag('configuration', ' ')).toBeNull();
    expect(tag('run_attempt', 2)).toBe('run_attempt:2');
    expect(createTagSanitizer()(['A:b', 'a:B', '', 'c:d'])).toEqual(['a:b', 'c:d']);
  });
});
