import { applyDecisionLog, isDecisionLogCurrent, LOG_END, LOG_START } from './decision-log';
import { parseAdr } from './parse';

const adr = (name: string, fm: string, title: string) => parseAdr(`---\n${fm}\n---\n# ${title}\n`, `docs/adr/${name}`);

describe('decision log', () => {
  const adrs = [
    adr('0002-b.md', 'status: accepted\ndate: 2026-01-02\nsupersedes: [1]', 'Use | pipes'),
    adr('0001-a.md', 'status: superseded\ndate: 2026-01-01\nsuperseded-by: 2', 'First'),
  ];

  it('writes a table in number order between markers, keeping the text around them', () => {
    const readme = `# Decisions\n\nIntro.\n\n${LOG_START}\nold\n${LOG_END}\n\nFooter.\n`;
    const out = applyDecisionLog(readme, adrs);
    expect(out).toContain('Intro.');
    expect(out).toContain('Footer.');
    expect(out).not.toContain('old');
    expect(out).toContain('| [ADR-0001](0001-a.md) | First | superseded by ADR-0002 | 2026-01-01 |\n| [ADR-0002](0002-b.md) | Use \\| pipes | accepted | 2026-01-02 |');
    expect(isDecisionLogCurrent(out, adrs)).toBe(true);
    expect(isDecisionLogCurrent(readme, adrs)).toBe(false);
  });

  it('links file names with spaces and parentheses so the table still renders', () => {
    const odd = adr('0003-Use X (draft).md', 'status: proposed\ndate: 2026-01-03', 'Odd');
    expect(applyDecisionLog(null, [odd])).toContain('| [ADR-0003](0003-Use%20X%20%28draft%29.md) | Odd | proposed | 2026-01-03 |');
  });

  it('appends the markers to a README that has none', () => {
    const out = applyDecisionLog('# Our ADRs\n', adrs);
    expect(out.startsWith('# Our ADRs\n\n## Decision log\n')).toBe(true);
    expect(out).toContain(LOG_END);
  });
});
