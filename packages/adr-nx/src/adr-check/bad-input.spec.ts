import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskSource } from '../adr/file-source';
import { clearPolicyCache, loadPolicy } from '../policy/load-policy';
import { checkDocuments } from './documents/check-documents';

const GOOD = '---\nstatus: accepted\ndate: 2026-01-15\nenforcement:\n  requiredTargets: [test]\n---\n# Good decision\n\nSee [nothing](0099-nothing.md).\n';

describe('adr-check on bad input: one clear diagnostic per bad file, and the check goes on', () => {
  let root: string;
  const write = (name: string, content: string | Buffer) => writeFileSync(join(root, 'docs/adr', name), content);
  const findingsFor = (name: string) => checkDocuments(diskSource(root), 'docs/adr', { today: '2026-06-01' }).findings.filter((f) => f.file === `docs/adr/${name}`);

  beforeEach(() => {
    clearPolicyCache();
    root = mkdtempSync(join(tmpdir(), 'adr-bad-input-'));
    mkdirSync(join(root, 'docs/adr'), { recursive: true });
    write('0001-good-decision.md', GOOD);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** The good ADR is still read and checked next to the bad one. */
  function expectTheRestChecked() {
    expect(findingsFor('0001-good-decision.md').map((f) => f.code)).toEqual(['link/broken']);
    expect(loadPolicy(root, 'docs/adr').requiredTargets.map((r) => r.adr.id)).toEqual(['ADR-0001']);
  }

  it('malformed YAML: the YAML error with its line, then the rest of the file is still checked', () => {
    write('0002-broken-yaml.md', '---\nstatus: accepted\ndate: 2026-01-15\ntags: [a, b\n---\n# Broken YAML\n');
    expect(findingsFor('0002-broken-yaml.md')).toEqual([
      expect.objectContaining({ line: 4, column: 12, severity: 'error', code: 'front-matter/yaml', message: expect.stringContaining('front-matter is not valid YAML'), hint: expect.stringContaining('Fix the YAML syntax') }),
    ]);
    expectTheRestChecked();
  });

  it('a byte order mark: one error, fixable', () => {
    write('0002-bom.md', '\uFEFF---\nstatus: accepted\ndate: 2026-01-15\n---\n# With a BOM\n');
    expect(findingsFor('0002-bom.md').map((f) => [f.code, f.severity, f.line, f.fix?.kind])).toEqual([['file/bom', 'error', 1, 'normalize-text']]);
    expectTheRestChecked();
  });

  it('CRLF line endings: one warning, fixable, and positions stay right', () => {
    write('0002-crlf.md', '---\r\nstatus: acepted\r\ndate: 2026-01-15\r\n---\r\n# CRLF\r\n');
    expect(findingsFor('0002-crlf.md').map((f) => `${f.line}:${f.column} ${f.severity} ${f.code}`)).toEqual(['1:1 warning file/crlf', '2:9 error front-matter/schema']);
    expectTheRestChecked();
  });

  it('a 5 MB ADR: one error naming its size, not parsed', () => {
    write('0002-huge.md', `${GOOD}${'All work and no play makes Jack a dull boy.\n'.repeat(120_000)}`);
    expect(findingsFor('0002-huge.md')).toEqual([expect.objectContaining({ code: 'file/unreadable', line: 1, message: 'the file is 5.0 MB; an ADR is at most 1 MB of prose' })]);
    expectTheRestChecked();
  });

  it('a binary file named .md: one error', () => {
    write('0002-diagram.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    expect(findingsFor('0002-diagram.md').map((f) => f.code)).toEqual(['file/binary']);
    expectTheRestChecked();
  });

  it('unreadable files: a link to a directory and a link to nothing (chmod 000 does not stop root, which runs CI here)', () => {
    mkdirSync(join(root, 'elsewhere'));
    symlinkSync(join(root, 'elsewhere'), join(root, 'docs/adr/0002-a-folder.md'));
    symlinkSync(join(root, 'missing.md'), join(root, 'docs/adr/0003-dangling.md'));
    expect(findingsFor('0002-a-folder.md')).toEqual([expect.objectContaining({ code: 'file/unreadable', message: 'cannot read the file: EISDIR', hint: expect.stringContaining('It is a directory') })]);
    expect(findingsFor('0003-dangling.md')).toEqual([expect.objectContaining({ code: 'file/unreadable', message: 'cannot read the file: ENOENT', hint: expect.stringContaining('does not exist') })]);
    expectTheRestChecked();
  });

  it('an ADR folder that does not exist: one error naming the folder and what to do', () => {
    const result = checkDocuments(diskSource(root), 'doc/adrs');
    expect(result.findings).toEqual([
      { file: 'doc/adrs', line: 1, column: 1, severity: 'error', code: 'directory/missing', message: 'the ADR folder doc/adrs does not exist', hint: expect.stringContaining('adrDirectory') },
    ]);
  });
});
