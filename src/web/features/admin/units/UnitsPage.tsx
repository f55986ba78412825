import { Button, Card, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Plus, Search } from '../../../components/icons.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ListState } from '../../../components/ListState.tsx';
import { useFormat } from '../../../lib/format.ts';
import { normalizeText } from '../../../lib/text.ts';
import { KIND_ORDER, useUnits, type Unit, type UnitIndex } from '../../../lib/units.ts';
import { HistoryModal } from './HistoryModal.tsx';
import { MergeModal } from './MergeModal.tsx';
import { UnitFormModal, type UnitFormMode } from './UnitFormModal.tsx';
import { UnitTree, type UnitAction } from './UnitTree.tsx';

const MAX_MATCHES = 300;

type Dialog = UnitFormMode | { type: 'merge'; unit: Unit } | { type: 'history'; unit: Unit } | null;

/** Matches and every ancestor, so each match shows where it sits. */
function searchTree(index: UnitIndex, needle: string) {
  const matches = index.all.filter((unit) => index.search.get(unit.id)?.includes(needle));
  const visible = new Set<string>();
  for (const unit of matches.slice(0, MAX_MATCHES)) {
    let current: Unit | undefined = unit;
    while (current && !visible.has(current.id)) {
      visible.add(current.id);
      current = current.parentId ? index.byId.get(current.parentId) : undefined;
    }
  }
  return { visible, count: matches.length };
}

export default function UnitsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(normalizeText(search), 200);
  const [expandedIds, setExpandedIds] = useState<Set<string> | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const units = useUnits(includeInactive);
  const index = units.data;

  // The General Department starts open, so its departments show first.
  const expanded = useMemo(
    () => expandedIds ?? new Set(index?.roots.map((unit) => unit.id) ?? []),
    [expandedIds, index],
  );
  const result = useMemo(() => (index && debounced ? searchTree(index, debounced) : null), [index, debounced]);
  const byKind = new Map<string, number>();
  for (const unit of index?.all ?? [])
    if (unit.status === 'active') byKind.set(unit.kind, (byKind.get(unit.kind) ?? 0) + 1);
  const counts = KIND_ORDER.map((kind) => `${t(`unitKinds.${kind}`)}: ${format.number(byKind.get(kind) ?? 0)}`).join(
    ' · ',
  );

  const toggle = (id: string) => {
    const next = new Set(expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpandedIds(next);
  };

  const onAction = (action: UnitAction, unit: Unit) => {
    if (action === 'addChild') setDialog({ type: 'create', parent: unit });
    else if (action === 'edit') setDialog({ type: 'edit', unit });
    else setDialog({ type: action, unit });
  };

  return (
    <>
      <PageHeader
        title={t('units.title')}
        description={t('units.intro')}
        actions={
          <Button leftSection={<Plus />} onClick={() => setDialog({ type: 'create' })} data-testid="unit-create">
            {t('units.createButton')}
          </Button>
        }
      />
      <Card withBorder padding="md" radius="md">
        <Stack gap="sm">
          <Group align="flex-end" gap="md" wrap="wrap">
            <TextInput
              label={t('units.search')}
              placeholder={t('units.searchPlaceholder')}
              leftSection={<Search size={16} />}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              style={{ flex: '1 1 260px' }}
              type="search"
              data-testid="unit-search"
            />
            <Switch
              label={t('units.includeInactive')}
              checked={includeInactive}
              onChange={(event) => setIncludeInactive(event.currentTarget.checked)}
              mb={8}
            />
            <Group gap="xs" mb={4}>
              <Button
                variant="default"
                size="xs"
                disabled={!index || Boolean(result)}
                onClick={() =>
                  setExpandedIds(
                    new Set(index?.all.filter((u) => u.kind !== 'branch' && u.kind !== 'team').map((u) => u.id)),
                  )
                }
              >
                {t('units.expandDepartments')}
              </Button>
              <Button
                variant="default"
                size="xs"
                disabled={!index || Boolean(result)}
                onClick={() => setExpandedIds(new Set())}
              >
                {t('units.collapseAll')}
              </Button>
            </Group>
          </Group>
          <Text size="sm" c="dimmed" aria-live="polite">
            {result
              ? result.count > MAX_MATCHES
                ? t('units.tooManyMatches', { n: format.number(result.count), shown: MAX_MATCHES })
                : t('units.matches', { n: format.number(result.count) })
              : index && counts}
          </Text>
          <ListState query={units} rows={8}>
            {() =>
              index &&
              (result?.count === 0 ? null : (
                <UnitTree
                  index={index}
                  visible={result?.visible ?? null}
                  expanded={expanded}
                  onToggle={toggle}
                  onAction={onAction}
                />
              ))
            }
          </ListState>
        </Stack>
      </Card>
      {(dialog?.type === 'create' || dialog?.type === 'edit') && (
        <UnitFormModal mode={dialog} index={index} onClose={() => setDialog(null)} />
      )}
      {dialog?.type === 'merge' && <MergeModal unit={dialog.unit} index={index} onClose={() => setDialog(null)} />}
      {dialog?.type === 'history' && <HistoryModal unit={dialog.unit} index={index} onClose={() => setDialog(null)} />}
    </>
  );
}
