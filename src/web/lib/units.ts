// The organization tree held in memory: ~1,500 units indexed once per load.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UnitKind } from '../../contracts/common.ts';
import type { Unit } from '../../contracts/organization.ts';
import { api } from '../app/api.ts';
import { normalizeText } from './text.ts';

export type { Unit, UnitKind };

export const KIND_ORDER: UnitKind[] = ['general_department', 'department', 'branch', 'team'];
export const PARENT_KIND: Record<UnitKind, UnitKind | null> = {
  general_department: null,
  department: 'general_department',
  branch: 'department',
  team: 'branch',
};
export const CHILD_KIND: Record<UnitKind, UnitKind | null> = {
  general_department: 'department',
  department: 'branch',
  branch: 'team',
  team: null,
};

export interface UnitIndex {
  all: Unit[];
  byId: Map<string, Unit>;
  children: Map<string, Unit[]>;
  roots: Unit[];
  search: Map<string, string>;
}

function compareUnits(a: Unit, b: Unit): number {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.code.localeCompare(b.code);
}

export function buildUnitIndex(units: Unit[]): UnitIndex {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const children = new Map<string, Unit[]>();
  const roots: Unit[] = [];
  const search = new Map<string, string>();
  for (const unit of units) {
    search.set(unit.id, normalizeText(`${unit.code} ${unit.nameVi} ${unit.nameEn}`));
    if (unit.parentId && byId.has(unit.parentId)) {
      const list = children.get(unit.parentId);
      if (list) list.push(unit);
      else children.set(unit.parentId, [unit]);
    } else {
      roots.push(unit);
    }
  }
  for (const list of children.values()) list.sort(compareUnits);
  roots.sort(compareUnits);
  return { all: units, byId, children, roots, search };
}

export function unitName(unit: Unit, language: string): string {
  return language === 'en' ? unit.nameEn : unit.nameVi;
}

/** Query keys of units (the list every unit picker reads, one unit, its history). */
export const unitKeys = {
  all: ['units'] as const,
  list: (includeInactive: boolean) => ['units', { includeInactive }] as const,
  one: (id: string) => ['unit', id] as const,
  history: (id: string) => ['unit-history', id] as const,
};

export function useUnits(includeInactive = false) {
  return useQuery({
    queryKey: unitKeys.list(includeInactive),
    queryFn: () => api<Unit[]>('/api/units', { query: includeInactive ? { includeInactive: 'true' } : undefined }),
    select: buildUnitIndex,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
