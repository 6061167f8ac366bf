import { detectFormat } from './detect';
import { readSource } from './read-source';

const NYGARD = '# 5. Help comments\n\nDate: 2016-02-13\n\n## Status\n\nAccepted\n\nAmended by [9. Help scripts](0009-help-scripts.md)\n\n## Context\n\nText.\n';
const MADR3 = '# Use Jest\n\n* Status: Approved\n* Deciders: Alice, Bob\n* Date: 2021-3-4\n\nTechnical Story: #12\n\n## Context and Problem Statement\n\nWhy.\n';
const MADR4 = '---\nstatus: "superseded by ADR-0009"\ndate: 2024-01-02\ndecision-makers: Alice, Bob\nparent: Decisions\n---\n# 0007 - Use pino\n\nText.\n';
const LOG4BRAINS = '# Avoid default exports\n\n- Status: accepted\n- Tags: code style, typescript\n\n## Decision\n\nNamed exports.\n';

describe('detectFormat', () => {
  it('recognises each format', () => {
    expect(detectFormat(NYGARD, '0005-help-comments.md')).toBe('nygard');
    expect(detectFormat(MADR3, '0002-use-jest.md')).toBe('madr-list');
    expect(detectFormat(MADR4, '0007-use-pino.md')).toBe('madr4');
    expect(detectFormat(LOG4BRAINS, '20200927-avoid-default-exports.md')).toBe('log4brains');
    expect(detectFormat('# 3. Title only\n\nText\n', '0003-x.md')).toBe('nygard');
    expect(detectFormat('# Some notes\n\nNo status anywhere.\n', 'notes.md')).toBe('unknown');
  });
});

describe('readSource: metadata out of the body, text kept', () => {
  it('Nygard: number prefix dropped from the title, Date line and bare status moved, other status prose kept', () => {
    const read = readSource(NYGARD, '0005-help-comments.md', 'x/0005-help-comments.md');
    expect(read.title).toEqual({ value: 'Help comments', line: 1 });
    expect(read.date).toEqual({ value: '2016-02-13', line: 3 });
    expect(read.status).toEqual({ value: 'Accepted', line: 7 });
    expect(read.body).toBe('# Help comments\n\n## Status\n\nAmended by [9. Help scripts](0009-help-scripts.md)\n\n## Context\n\nText.\n');
  });

  it('Nygard: an emptied Status section loses its heading; a status with a link stays as prose', () => {
    const plain = readSource('# 1. A\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nC\n', '0001-a.md', '0001-a.md');
    expect(plain.body).toBe('# A\n\n## Context\n\nC\n');
    const linked = readSource('# 1. A\n\n## Status\n\nSuperceded by [2. B](0002-b.md)\n\n## Context\n\nC\n', '0001-a.md', '0001-a.md');
    expect(linked.status?.value).toBe('Superceded by [2. B](0002-b.md)');
    expect(linked.body).toContain('Superceded by [2. B](0002-b.md)');
  });

  it('MADR 2/3 lists: known keys moved, other lines (Technical Story) kept', () => {
    const read = readSource(MADR3, '0002-use-jest.md', '0002-use-jest.md');
    expect(read.status?.value).toBe('Approved');
    expect(read.decisionMakers).toEqual(['Alice', 'Bob']);
    expect(read.date?.value).toBe('2021-3-4');
    expect(read.body).toBe('# Use Jest\n\nTechnical Story: #12\n\n## Context and Problem Statement\n\nWhy.\n');
  });

  it('MADR 4: front-matter read by the model, lists split, unknown keys kept, title prefix dropped', () => {
    const read = readSource(MADR4, '0007-use-pino.md', '0007-use-pino.md');
    expect(read.status?.value).toBe('superseded by ADR-0009');
    expect(read.decisionMakers).toEqual(['Alice', 'Bob']);
    expect(read.extraFrontMatter).toEqual({ parent: 'Decisions' });
    expect(read.title?.value).toBe('Use pino');
    expect(read.body.startsWith('# Use pino\n')).toBe(true);
  });

  it('log4brains: tags split on spaces and commas, date taken from the file name when there is no Date line', () => {
    const read = readSource(LOG4BRAINS, '20200927-avoid-default-exports.md', '20200927-avoid-default-exports.md');
    expect(read.tags).toEqual(['code', 'style', 'typescript']);
    expect(read.date?.value).toBe('2020-09-27');
  });

  it('CRLF and a BOM do not hide the format', () => {
    const read = readSource(`\uFEFF${NYGARD.replace(/\n/g, '\r\n')}`, '0005-help-comments.md', '0005-help-comments.md');
    expect(read.format).toBe('nygard');
    expect(read.status?.value).toBe('Accepted');
  });
});
