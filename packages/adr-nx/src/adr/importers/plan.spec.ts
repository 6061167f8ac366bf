import { planImport, type PlanOptions } from './plan';

const options: PlanOptions = { targetDir: 'docs/adr', existing: [], numbering: 'auto', today: '2026-01-01', sourceHas: () => false, sourceDirInWorkspace: null };
const nygard = (n: number, title: string, status: string) => ({ name: `000${n}-${title.toLowerCase()}.md`, path: `old/000${n}-${title.toLowerCase()}.md`, text: `# ${n}. ${title}\n\nDate: 2020-01-0${n}\n\n## Status\n\n${status}\n\n## Context\n\nText.\n` });

describe('planImport', () => {
  it('"Supersedes" in a new ADR links an old one that says only "Superseded"', () => {
    const plan = planImport([nygard(1, 'Old', 'Superseded'), { ...nygard(2, 'New', 'Accepted'), text: '# 2. New\n\nDate: 2020-01-02\n\n## Status\n\nAccepted\n\nSupercedes [1. Old](0001-old.md)\n' }], options);
    expect(plan.adrs.map((a) => [a.frontMatter.status, a.frontMatter['superseded-by'], a.frontMatter.supersedes])).toEqual([
      ['superseded', 2, undefined],
      ['accepted', undefined, [1]],
    ]);
    expect(plan.notes.filter((n) => n.level !== 'info')).toEqual([]);
  });

  it('superseded by something not imported: deprecated, wording kept, reported', () => {
    const plan = planImport([nygard(1, 'Old', 'Superseded by [9. Gone](0009-gone.md)')], options);
    expect(plan.adrs[0].frontMatter).toMatchObject({ status: 'deprecated', 'original-status': 'superseded by 0009-gone.md' });
    expect(plan.notes).toContainEqual(expect.objectContaining({ level: 'warning', message: expect.stringContaining('its successor (0009-gone.md) is not among the imported files') }));
  });

  it('"Supersedes" an ADR that is still accepted: not linked, reported', () => {
    const plan = planImport([nygard(1, 'Old', 'Accepted'), { ...nygard(2, 'New', 'Accepted'), text: '# 2. New\n\n## Status\n\nAccepted\n\nSupersedes [1. Old](0001-old.md)\n' }], options);
    expect(plan.adrs[0].frontMatter['superseded-by']).toBeUndefined();
    expect(plan.adrs[1].frontMatter.supersedes).toBeUndefined();
    expect(plan.notes).toContainEqual(expect.objectContaining({ file: 'old/0002-new.md', level: 'warning', message: expect.stringContaining('says it supersedes 0001-old.md, which is accepted') }));
  });

  it('keeps gaps with keep, closes them with append', () => {
    const files = [nygard(1, 'A', 'Accepted'), nygard(4, 'B', 'Accepted')];
    expect(planImport(files, options).adrs.map((a) => a.fileName)).toEqual(['0001-a.md', '0004-b.md']);
    expect(planImport(files, { ...options, numbering: 'append' }).adrs.map((a) => a.fileName)).toEqual(['0001-a.md', '0002-b.md']);
  });

  it('an unreadable date is kept in original-date and reported', () => {
    const plan = planImport([{ ...nygard(1, 'A', 'Accepted'), text: '# 1. A\n\nDate: sometime in spring\n\n## Status\n\nAccepted\n' }], options);
    expect(plan.adrs[0].frontMatter).toMatchObject({ date: '2026-01-01', 'original-date': 'sometime in spring' });
    expect(plan.notes.map((n) => n.message)).toEqual(expect.arrayContaining([expect.stringContaining('date "sometime in spring" is not a date the importer can read')]));
  });
});
