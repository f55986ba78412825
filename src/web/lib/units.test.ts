import { describe, expect, it } from 'vitest';
import { buildUnitIndex, unitName, type Unit } from './units.ts';

let next = 0;
const unit = (code: string, kind: Unit['kind'], parentId: string | null, nameVi = code, nameEn = code): Unit => ({
  id: `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`,
  code,
  kind,
  nameVi,
  nameEn,
  parentId,
  status: 'active',
  mergedIntoId: null,
  validTo: null,
});

describe('the unit index', () => {
  const gd = unit('TCHQ', 'general_department', null, 'Cục Hải quan', 'Customs');
  const hp = unit('03', 'department', gd.id, 'Chi cục Hải quan khu vực III', 'Region III');
  const hn = unit('01', 'department', gd.id);
  const dv = unit('03CE', 'branch', hp.id, 'Hải quan cửa khẩu cảng Đình Vũ', 'Dinh Vu port');
  const orphan = unit('99', 'branch', '00000000-0000-4000-8000-999999999999');
  const index = buildUnitIndex([dv, hp, orphan, hn, gd]);

  it('lists children under their parent, sorted by kind then code', () => {
    expect(index.children.get(gd.id)?.map((u) => u.code)).toEqual(['01', '03']);
    expect(index.children.get(hp.id)?.map((u) => u.code)).toEqual(['03CE']);
    expect(index.byId.get(dv.id)).toBe(dv);
  });

  it('makes a unit whose parent is not loaded a root, after the higher kinds', () => {
    expect(index.roots.map((u) => u.code)).toEqual(['TCHQ', '99']);
  });

  it('searches code and both names without diacritics', () => {
    expect(index.search.get(dv.id)).toBe('03ce hai quan cua khau cang dinh vu dinh vu port');
  });

  it('names a unit in the UI language', () => {
    expect(unitName(hp, 'vi')).toBe('Chi cục Hải quan khu vực III');
    expect(unitName(hp, 'en')).toBe('Region III');
  });
});
