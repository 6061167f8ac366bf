import { parseEvents } from './events';
import { parseTimestamp } from './time';

describe('parseTimestamp', () => {
  it('reads ISO 8601 with a zone, and epoch seconds or milliseconds', () => {
    expect(parseTimestamp('2024-03-03T06:00:00+02:00')).toEqual({ ok: true, time: Date.UTC(2024, 2, 3, 4) });
    expect(parseTimestamp('2024-03-03T04:00:00.250Z')).toEqual({ ok: true, time: Date.UTC(2024, 2, 3, 4, 0, 0, 250) });
    expect(parseTimestamp('2024-03-03 04:00:00 +0000')).toEqual({ ok: true, time: Date.UTC(2024, 2, 3, 4) });
    expect(parseTimestamp(1709438400)).toEqual({ ok: true, time: Date.UTC(2024, 2, 3, 4) });
    expect(parseTimestamp(1709438400000)).toEqual({ ok: true, time: Date.UTC(2024, 2, 3, 4) });
  });

  it('rejects a timestamp without a zone, saying what to do, unless told to read it as UTC', () => {
    const naive = parseTimestamp('2024-03-03T04:00:00');
    expect(naive.ok).toBe(false);
    expect(!naive.ok && naive.reason).toMatch(/has no time zone: add "Z" \(UTC\) or an offset such as "\+02:00", or pass --naiveTimestamps=utc/);
    expect(parseTimestamp('2024-03-03T04:00:00', 'utc')).toEqual({ ok: true, time: Date.UTC(2024, 2, 3, 4) });
  });

  it('rejects dates that do not exist and text that is no timestamp', () => {
    expect(parseTimestamp('2024-02-30T00:00:00Z')).toMatchObject({ ok: false, reason: expect.stringContaining('not a real date') });
    expect(parseTimestamp('yesterday')).toMatchObject({ ok: false, reason: expect.stringContaining('not an ISO 8601 timestamp') });
  });
});

describe('parseEvents', () => {
  const ndjson = [
    '{"type":"deployment","id":"d1","service":"api","finishedAt":"2024-03-02T12:00:00Z","commit":"abc1234"}',
    '',
    '{"type":"deployment","id":"d2","service":"api","finishedAt":"2024-03-04T10:00:00"}',
    '{"type": "incident", ',
    '{"type":"deployment","id":"d3","status":"failed","finishedAt":"2024-03-05T10:00:00Z"}',
    '{"type":"incident","id":"INC-1","service":"api","startedAt":"2024-03-02T13:00:00Z","finishedAt":"2024-03-02T13:45:00Z","deployment":"d1"}',
    '{"id":"x"}',
    '{"type":"deployment","id":"d4","status":"rolled_back","startedAt":"2024-03-06T10:00:00Z"}',
    '{"type":"incident","id":"INC-2","startedAt":"2024-03-07T10:00:00Z","finishedAt":"2024-03-07T09:00:00Z"}',
  ].join('\n');

  it('reports each bad line with its number and field, and still counts the rest', () => {
    const events = parseEvents(ndjson, 'events.ndjson');
    expect(events.problems).toEqual([
      { file: 'events.ndjson', line: 4, message: expect.stringMatching(/^not valid JSON \(.*\); line skipped$/) },
      { file: 'events.ndjson', line: 3, message: expect.stringMatching(/^field "finishedAt": "2024-03-04T10:00:00" has no time zone.*; record skipped$/) },
      { file: 'events.ndjson', line: 7, message: 'field "type": missing; expected "deployment" or "incident"; record skipped' },
      { file: 'events.ndjson', line: 9, message: 'field "finishedAt": before "startedAt"; record skipped' },
    ]);
    expect(events.deployments.map((d) => [d.id, d.sha, d.rolledBack, new Date(d.time).toISOString()])).toEqual([
      ['d1', 'abc1234', false, '2024-03-02T12:00:00.000Z'],
      ['d4', null, true, '2024-03-06T10:00:00.000Z'],
    ]);
    expect(events.notDeployed).toEqual({ failed: 1 });
    expect(events.incidents).toEqual([
      { id: 'INC-1', labels: { team: '', service: 'api', environment: '' }, createdAt: Date.UTC(2024, 2, 2, 13), resolvedAt: Date.UTC(2024, 2, 2, 13, 45), commit: null, deploymentId: 'd1' },
    ]);
  });

  it('reads zone-less times as UTC when told to', () => {
    const events = parseEvents(ndjson, 'events.ndjson', 'utc');
    expect(events.deployments.map((d) => d.id)).toEqual(['d1', 'd2', 'd4']);
  });

  it('reads a JSON array and keeps each record\'s line for errors', () => {
    const text = `[
  {"type": "deployment", "id": "d1", "finishedAt": "2024-03-02T12:00:00Z"},
  {
    "type": "deployment",
    "id": "d2",
    "finishedAt": "soon"
  }
]`;
    const events = parseEvents(text, 'events.json');
    expect(events.deployments.map((d) => d.id)).toEqual(['d1']);
    expect(events.problems).toEqual([{ file: 'events.json', line: 3, message: expect.stringContaining('field "finishedAt": "soon" is not an ISO 8601 timestamp') }]);
  });

  it('reads an object with deployments and incidents arrays (type implied)', () => {
    const events = parseEvents(JSON.stringify({ deployments: [{ id: 1, finishedAt: 1709380800 }], incidents: [{ id: 'I', startedAt: '2024-03-02T13:00:00Z' }] }), 'x.json');
    expect(events.deployments.map((d) => d.id)).toEqual(['1']);
    expect(events.incidents.map((i) => [i.id, i.resolvedAt])).toEqual([['I', null]]);
  });

  it('refuses a JSON file that does not parse, naming the line', () => {
    expect(() => parseEvents('[\n {"id": 1},\n {"id": \n]', 'bad.json')).toThrow(/^bad\.json:\d+: not valid JSON/);
  });
});
