import { Loader, Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface AsyncSelectProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  /** Loads options for what was typed (the server searches, with or without diacritics). */
  load: (search: string) => Promise<ComboboxItem[]>;
  queryKey: string;
  error?: string | undefined;
  description?: string;
  required?: boolean;
  testId?: string;
}

/** A searchable select over a list too large to load at once (enterprises, officers). */
export function AsyncSelect({
  label,
  value,
  onChange,
  load,
  queryKey,
  error,
  description,
  required,
  testId,
}: AsyncSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<ComboboxItem | null>(null);
  // Once an option is picked the box shows its label; do not search for that label.
  const term = selected && search === selected.label ? '' : search.trim().slice(0, 100);
  const [debounced] = useDebouncedValue(term, 250);
  const query = useQuery({
    queryKey: [queryKey, debounced],
    queryFn: () => load(debounced),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = query.data ?? [];
  const data =
    selected && !options.some((option) => option.value === selected.value) ? [selected, ...options] : options;

  return (
    <Select
      label={label}
      description={description}
      required={required}
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(next, option) => {
        setSelected(next ? option : null);
        onChange(next);
      }}
      error={error}
      placeholder={t('common.typeToSearch')}
      nothingFoundMessage={query.isFetching ? t('common.loading') : t('common.nothingFound')}
      rightSection={query.isFetching ? <Loader size="xs" aria-hidden="true" /> : undefined}
      data-testid={testId}
    />
  );
}
