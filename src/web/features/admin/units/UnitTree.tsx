import { ActionIcon, Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronDown, ChevronRight, Dots } from '../../../components/icons.tsx';
import { CHILD_KIND, unitName, type Unit, type UnitIndex } from '../../../lib/units.ts';

export type UnitAction = 'addChild' | 'edit' | 'merge' | 'history';

interface TreeProps {
  index: UnitIndex;
  /** Units to show while searching (matches and their ancestors); null shows the whole tree. */
  visible: Set<string> | null;
  expanded: Set<string>;
  onToggle: (id: string) => void;
  onAction: (action: UnitAction, unit: Unit) => void;
}

function UnitActions({ unit, onAction }: { unit: Unit; onAction: TreeProps['onAction'] }) {
  const { t } = useTranslation();
  const active = unit.status === 'active';
  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('units.actionsFor', { code: unit.code })}
          data-testid={`unit-actions-${unit.code}`}
        >
          <Dots />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {active && CHILD_KIND[unit.kind] && (
          <Menu.Item onClick={() => onAction('addChild', unit)}>{t('units.addChild')}</Menu.Item>
        )}
        {active && <Menu.Item onClick={() => onAction('edit', unit)}>{t('units.edit')}</Menu.Item>}
        {active && unit.kind !== 'general_department' && (
          <Menu.Item color="red" onClick={() => onAction('merge', unit)}>
            {t('units.merge')}
          </Menu.Item>
        )}
        <Menu.Item onClick={() => onAction('history', unit)}>{t('units.history')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

const TreeNode = memo(function TreeNode({ unit, ...props }: TreeProps & { unit: Unit }) {
  const { t, i18n } = useTranslation();
  const { index, visible, expanded, onToggle, onAction } = props;
  const children = (index.children.get(unit.id) ?? []).filter((child) => !visible || visible.has(child.id));
  const isOpen = children.length > 0 && (visible !== null || expanded.has(unit.id));
  const name = unitName(unit, i18n.language);
  const mergedInto = unit.mergedIntoId ? index.byId.get(unit.mergedIntoId) : undefined;

  return (
    <li>
      <div className="tree-row" data-testid={`unit-row-${unit.code}`}>
        {children.length > 0 && visible === null ? (
          <UnstyledButton
            onClick={() => onToggle(unit.id)}
            aria-expanded={isOpen}
            style={{ display: 'flex', alignItems: 'center', gap: 6, flex: 1, minWidth: 0 }}
          >
            {isOpen ? <ChevronDown /> : <ChevronRight />}
            <Text span fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Text>
          </UnstyledButton>
        ) : (
          <Group gap={6} wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
            {isOpen ? <ChevronDown /> : <span style={{ width: 18, flex: 'none' }} aria-hidden="true" />}
            <Text
              span
              size="sm"
              fw={children.length > 0 ? 600 : 400}
              td={unit.status === 'active' ? undefined : 'line-through'}
              style={{ overflowWrap: 'anywhere' }}
            >
              {name}
            </Text>
          </Group>
        )}
        <Group gap={6} wrap="wrap" justify="flex-end">
          <Badge color="gray" variant="light" radius="sm">
            {unit.code}
          </Badge>
          <Text span size="xs" c="dimmed" visibleFrom="sm">
            {t(`unitKinds.${unit.kind}`)}
            {children.length > 0 && ` · ${t('units.childCount', { n: children.length })}`}
          </Text>
          {unit.status !== 'active' && (
            <Badge color="red" radius="sm">
              {mergedInto ? t('units.mergedInto', { code: mergedInto.code }) : t(`units.status.${unit.status}`)}
            </Badge>
          )}
          <UnitActions unit={unit} onAction={onAction} />
        </Group>
      </div>
      {isOpen && (
        <ul className="tree-list">
          {children.map((child) => (
            <TreeNode key={child.id} unit={child} {...props} />
          ))}
        </ul>
      )}
    </li>
  );
});

/** The organization as nested lists: only opened branches are rendered. */
export function UnitTree(props: TreeProps) {
  const { t } = useTranslation();
  const roots = props.index.roots.filter((unit) => !props.visible || props.visible.has(unit.id));
  return (
    <ul className="tree-list" aria-label={t('units.treeLabel')} data-testid="unit-tree">
      {roots.map((unit) => (
        <TreeNode key={unit.id} unit={unit} {...props} />
      ))}
    </ul>
  );
}
