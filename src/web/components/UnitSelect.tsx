import { Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeText } from '../lib/text.ts';
import { unitName, type UnitIndex, type UnitKind } from '../lib/units.ts';

interface UnitSelectProps {
  index: UnitIndex | undefined;
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  kinds?: readonly UnitKind[];
  excludeIds?: readonly string[];
  error?: string | undefined;
  description?: string;
  required?: boolean;
  clearable?: boolean;
  disabled?: boolean;
  testId?: string;
}

/** Picks one active unit among ~1,500: type a code or a name, with or without diacritics. */
export function UnitSelect({ index, kinds, excludeIds, testId, ...props }: UnitSelectProps) {
  const { t, i18n } = useTranslation();
  // Keyed on the lists' contents: callers may pass fresh arrays on every render.
  const kindsKey = kinds?.join(',') ?? '';
  const excludeKey = excludeIds?.join(',') ?? '';
  const data = useMemo(() => {
    if (!index) return [];
    const kindList = kindsKey ? kindsKey.split(',') : null;
    const excluded = new Set(excludeKey ? excludeKey.split(',') : []);
    return index.all
      .filter(
        (unit) => unit.status === 'active' && (!kindList || kindList.includes(unit.kind)) && !excluded.has(unit.id),
      )
      .map((unit) => ({ value: unit.id, label: `${unit.code} — ${unitName(unit, i18n.language)}` }));
  }, [index, kindsKey, excludeKey, i18n.language]);

  const filter: OptionsFilter = ({ options, search, limit }) => {
    const needle = normalizeText(search);
    const result: ComboboxItem[] = [];
    for (const option of options as ComboboxItem[]) {
      if (result.length >= limit) break;
      if (
        !needle ||
        normalizeText(option.label).includes(needle) ||
        (index?.search.get(option.value)?.includes(needle) ?? false)
      )
        result.push(option);
    }
    return result;
  };

  return (
    <Select
      {...props}
      data={data}
      searchable
      filter={filter}
      limit={50}
      placeholder={t('units.pickPlaceholder')}
      nothingFoundMessage={t('common.nothingFound')}
      onChange={(value) => props.onChange(value)}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
