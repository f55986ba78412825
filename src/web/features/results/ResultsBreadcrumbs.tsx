// Where this view sits: from the widest unit the user may open down to this one.
import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UnitRef } from '../../../contracts/dashboards.ts';

export function ResultsBreadcrumbs({ path, current, search }: { path: UnitRef[]; current?: string; search: string }) {
  const { t, i18n } = useTranslation();
  const name = (unit: UnitRef) => (i18n.language === 'en' ? unit.nameEn : unit.nameVi);
  const links = current ? path : path.slice(0, -1);
  const last = current ?? (path.at(-1) ? `${path.at(-1)?.code ?? ''} — ${name(path.at(-1)!)}` : null);
  if (!last) return null;
  return (
    <nav aria-label={t('results.breadcrumbs')} className="no-print" data-testid="results-breadcrumbs">
      {/* Long unit names wrap on a phone instead of widening the page. */}
      <Breadcrumbs
        separator="›"
        separatorMargin={6}
        mb="md"
        style={{ rowGap: 4 }}
        styles={{ breadcrumb: { whiteSpace: 'normal', lineHeight: 1.4 } }}
      >
        {links.map((unit) => (
          <Anchor key={unit.id} component={Link} to={`/app/ket-qua/don-vi/${unit.id}${search}`} size="sm">
            {unit.code} — {name(unit)}
          </Anchor>
        ))}
        <Text size="sm" fw={600} aria-current="page">
          {last}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}
