import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ContestDetail, ContestSummary } from '../../../contracts/contests.ts';
import { mayOrganize } from '../../../contracts/roles.ts';
import { api } from '../../app/api.ts';
import { useSession } from '../../app/session.ts';
import { ListState } from '../../components/ListState.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { notifyError } from '../../lib/notify.ts';
import { useUnits } from '../../lib/units.ts';
import { contestKeys } from './keys.ts';
import { STATUS_COLORS } from './shared.tsx';

/** Organizers: their contests and a new one. Businesses: the contests open to them. */
export default function ContestsPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const organizer = mayOrganize(me);
  const list = useQuery({ queryKey: contestKeys.list, queryFn: () => api<ContestSummary[]>('/api/contests') });
  const title = (x: { vi: string; en: string }) => (i18n.language === 'en' && x.en ? x.en : x.vi);

  return (
    <>
      <PageHeader
        title={t('contests.title')}
        description={t(organizer ? 'contests.organizerIntro' : 'contests.businessIntro')}
      />
      {organizer && <NewContest />}
      <ListState query={list} empty={t('contests.none')}>
        {(rows) =>
          organizer ? (
            <ListTable
              label={t('contests.title')}
              minWidth={560}
              columns={[t('contests.name'), t('contests.unit'), t('contests.status'), t('contests.registrations')]}
            >
              {rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/app/cuoc-thi/${c.id}`}>
                      {title(c.title)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.ownerUnitName}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[c.status]}>{t(`contests.statuses.${c.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{c.registrations}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          ) : (
            <Stack>
              {rows.map((c) => (
                <Card key={c.id} withBorder>
                  <Group justify="space-between" wrap="wrap">
                    <div>
                      <Text fw={600}>{title(c.title)}</Text>
                      <Text size="sm" c="dimmed">
                        {c.ownerUnitName}
                      </Text>
                    </div>
                    <Group>
                      <Badge color={STATUS_COLORS[c.status]}>{t(`contests.statuses.${c.status}`)}</Badge>
                      <Button component={Link} to={`/app/cuoc-thi/${c.id}`} variant="light">
                        {t('contests.view')}
                      </Button>
                    </Group>
                  </Group>
                </Card>
              ))}
            </Stack>
          )
        }
      </ListState>
    </>
  );
}

function NewContest() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const units = useUnits();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [eligibility, setEligibility] = useState<string | null>('all');
  const [teamMax, setTeamMax] = useState<number | string>(3);
  const [rules, setRules] = useState('');
  const [prizes, setPrizes] = useState('');
  const [busy, setBusy] = useState(false);

  async function create() {
    setBusy(true);
    try {
      const created = await api<ContestDetail>('/api/contests', {
        method: 'POST',
        body: {
          ownerUnitId: unitId,
          title: { vi: name, en: '' },
          eligibility,
          teamMax: Number(teamMax) || 1,
          rules,
          prizes,
        },
      });
      void navigate(`/app/cuoc-thi/${created.id}`);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder mb="md">
      <Text fw={600} mb="xs">
        {t('contests.new')}
      </Text>
      <Stack gap="xs">
        <UnitSelect
          index={units.data}
          kinds={['general_department', 'department']}
          label={t('contests.unit')}
          value={unitId}
          onChange={setUnitId}
          testId="contest-unit"
        />
        <TextInput
          label={t('contests.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-testid="contest-name"
        />
        <Group grow wrap="wrap">
          <Select
            label={t('contests.eligibility')}
            value={eligibility}
            onChange={setEligibility}
            allowDeselect={false}
            data={[{ value: 'all', label: t('contests.eligibilities.all') }]}
          />
          <NumberInput label={t('contests.teamMax')} min={1} max={10} value={teamMax} onChange={setTeamMax} />
        </Group>
        <Textarea
          label={t('contests.rules')}
          value={rules}
          onChange={(e) => setRules(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Textarea
          label={t('contests.prizes')}
          value={prizes}
          onChange={(e) => setPrizes(e.currentTarget.value)}
          autosize
          minRows={1}
        />
        <Group>
          <Button
            onClick={() => void create()}
            loading={busy}
            disabled={!unitId || !name.trim()}
            data-testid="contest-create"
          >
            {t('contests.create')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
