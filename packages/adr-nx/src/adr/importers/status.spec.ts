import { mapStatus } from './status';

describe('mapStatus: free-text statuses to the enum', () => {
  it.each([
    ['Accepted', 'accepted', false],
    ['PROPOSED', 'proposed', false],
    ['Approved', 'accepted', true],
    ['Pending', 'proposed', true],
    ['on hold', 'proposed', true],
    ['draft', 'proposed', true],
    ['Rejected', 'rejected', false],
    ['Deprecated.', 'deprecated', false],
    ['Obsolete', 'deprecated', true],
    ['Partly superseded', 'accepted', true],
    ['**Accepted**', 'accepted', false],
  ])('%s -> %s (wording lost: %s)', (text, status, lossy) => {
    expect(mapStatus(text)).toEqual({ status, lossy });
  });

  it('reads the successor of "Superseded by" from a link, an ADR id or a number', () => {
    expect(mapStatus('Superseded by [DNS Infrastructure](0015-dns-infrastructure.md)')).toEqual({ status: 'superseded', supersededBy: '0015-dns-infrastructure.md', lossy: false });
    expect(mapStatus('Superceded by [2. Use X](0002-use-x.md)')).toMatchObject({ status: 'superseded', supersededBy: '0002-use-x.md' });
    expect(mapStatus('superseded by ADR-0123')).toMatchObject({ status: 'superseded', supersededBy: '123' });
    expect(mapStatus('Superseded')).toEqual({ status: 'superseded', supersededBy: undefined, lossy: false });
  });

  it('returns null for wording it does not know', () => {
    expect(mapStatus('Under discussion with legal')).toBeNull();
    expect(mapStatus('')).toBeNull();
  });
});
