// Importers, exporters and customs brokers, department by department: each
// managed by one of its department's branches, with an address in that
// branch's province and a valid tax code of that province.
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { BrokerClientsTable, Database, EnterprisesTable } from '../../src/server/db/schema.ts';
import { BatchWriter } from './batch.ts';
import {
  brokerName,
  distinctiveName,
  domesticName,
  foreignName,
  SECTORS,
  sectorWeights,
  withSuffix,
  type CompanyName,
  type Origin,
  type Sector,
  type SectorTag,
} from './companies.ts';
import type { Locality, Zone } from './localities.ts';
import type { SeededBranch, SeededDepartment, SeededOrganization } from './organization.ts';
import { hash53, Reservoir, Rng } from './random.ts';
import { TaxCodeIssuer } from './taxcode.ts';

export const ENTERPRISES_PER_SCALE = 3000;
const BROKER_SHARE = 0.03;
const LOGISTICS = SECTORS.find((sector) => sector.tag === 'logistics') ?? SECTORS[0]!;

/** What association membership is decided on. */
export interface EnterpriseFacts {
  id: string;
  departmentCode: string;
  tag: SectorTag;
  origin: Origin | null;
  isBroker: boolean;
}

export interface DemoParties {
  enterpriseId: string;
  enterpriseName: string;
  brokerId: string;
  brokerName: string;
}

export interface EnterpriseResult {
  enterprises: number;
  brokers: number;
  brokerClients: number;
  demo: DemoParties;
}

/** Each department's share of the total; Hai Phong keeps enough for the demo story. */
export function enterpriseCounts(departments: SeededDepartment[], scale: number): Map<string, number> {
  const total = Math.max(200, Math.round(ENTERPRISES_PER_SCALE * scale));
  const weightSum = departments.reduce((sum, department) => sum + department.spec.weight, 0);
  return new Map(
    departments.map((department) => [
      department.spec.code,
      Math.max(department.spec.code === '03' ? 40 : 3, Math.round((total * department.spec.weight) / weightSum)),
    ]),
  );
}

function isZoneBranch(branch: SeededBranch): boolean {
  return /Khu (công nghiệp|chế xuất|công nghệ cao)/.test(branch.spec.nameVi);
}

function zoneFor(rng: Rng, branch: SeededBranch, manufacturing: boolean): Zone | null {
  const { zones } = branch.locality;
  const named = zones.filter((zone) => branch.spec.nameVi.includes(zone.name));
  if (named.length > 0) return rng.pick(named);
  if (zones.length > 0 && (isZoneBranch(branch) || (manufacturing && rng.chance(0.6)))) return rng.pick(zones);
  return null;
}

function addressIn(rng: Rng, locality: Locality, zone: Zone | null): string {
  if (zone) {
    const lot = `Lô ${rng.pick(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'K', 'M'])}${rng.int(1, 40)}`;
    return [lot, zone.name, zone.district, locality.full].filter(Boolean).join(', ');
  }
  const street = rng.pick(locality.streets);
  const streetPart = /^\d/.test(street) ? `đường ${street}` : street;
  return `Số ${rng.int(1, 350)} ${streetPart}, ${rng.pick(locality.districts)}, ${locality.full}`;
}

interface Generated {
  row: Insertable<EnterprisesTable>;
  facts: EnterpriseFacts;
}

export async function seedEnterprises(
  db: Kysely<Database>,
  org: SeededOrganization,
  scale: number,
  onEnterprise: (facts: EnterpriseFacts) => void,
  log: (line: string) => void,
): Promise<EnterpriseResult> {
  const enterprises = new BatchWriter<Insertable<EnterprisesTable>>((rows) =>
    db.insertInto('enterprises').values(rows).execute(),
  );
  const clients = new BatchWriter<Insertable<BrokerClientsTable>>((rows) =>
    db.insertInto('broker_clients').values(rows).execute(),
  );
  const taxCodes = new TaxCodeIssuer();
  const counts = enterpriseCounts(org.departments, scale);
  // Names are unique nationwide, as business registration requires; hashes keep memory small.
  const usedNames = new Set<number>();
  const claim = (name: string): boolean => {
    const key = hash53(name);
    if (usedNames.has(key)) return false;
    usedNames.add(key);
    return true;
  };
  claim(DEMO_ENTERPRISE.name);
  claim(DEMO_BROKER.name);
  let brokerCount = 0;
  const demoRows: { id: string; name: string }[] = [];
  const demoOf = (): DemoParties | null => {
    const [enterprise, broker] = demoRows;
    return enterprise && broker
      ? { enterpriseId: enterprise.id, enterpriseName: enterprise.name, brokerId: broker.id, brokerName: broker.name }
      : null;
  };

  for (const department of org.departments) {
    const code = department.spec.code;
    const rng = new Rng(`enterprises:${code}`);
    const weights = sectorWeights(department.spec.profile);
    const branchWeights = department.branches.map((branch) => branch.spec.weight);
    const fdiShare =
      department.spec.profile === 'electronics'
        ? 0.5
        : department.spec.profile === 'industrial' || department.spec.profile === 'port'
          ? 0.35
          : 0.15;
    const candidates = new Reservoir<string>(1000, new Rng(`clients:${code}`));
    const brokers: string[] = [];

    const uniqueName = (make: (distinct: string) => CompanyName, place: string): CompanyName => {
      let distinct = distinctiveName(rng);
      for (let attempt = 0; ; attempt += 1) {
        const name = make(attempt <= 2 ? distinct : withSuffix(distinct, attempt - 2, place));
        if (claim(name.vi)) return name;
        if (attempt < 2) distinct = distinctiveName(rng);
      }
    };

    const generate = (): Generated => {
      const branch = rng.weighted(department.branches, branchWeights);
      const isBroker = rng.chance(BROKER_SHARE);
      let sector: Sector = isBroker ? LOGISTICS : rng.weighted(SECTORS, weights);
      if (!isBroker && isZoneBranch(branch) && !sector.manufacturing) sector = rng.weighted(SECTORS, weights);
      const foreign = !isBroker && sector.manufacturing && rng.chance(fdiShare);
      const name = isBroker
        ? uniqueName((distinct) => brokerName(rng, distinct), branch.locality.name)
        : foreign
          ? uniqueForeign(sector, branch.locality.name)
          : uniqueName((distinct) => domesticName(rng, sector, distinct), branch.locality.name);
      const id = randomUUID();
      return {
        row: {
          id,
          tax_code: taxCodes.issue(branch.locality.taxPrefix),
          name: name.vi,
          name_en: name.en,
          address: addressIn(rng, branch.locality, zoneFor(rng, branch, sector.manufacturing)),
          province: branch.locality.name,
          is_broker: isBroker,
          managing_unit_id: branch.id,
        },
        facts: { id, departmentCode: code, tag: sector.tag, origin: name.origin, isBroker },
      };
    };

    const uniqueForeign = (sector: Sector, place: string): CompanyName => {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const name = foreignName(rng, sector, attempt < 3 ? null : place);
        if (claim(name.vi)) return name;
      }
      return uniqueName((distinct) => domesticName(rng, sector, distinct), place);
    };

    const count = counts.get(code) ?? 0;
    for (let index = 0; index < count; index += 1) {
      const isDemo = code === '03' && index < 2;
      const generated = isDemo ? demoParty(index === 0 ? 'enterprise' : 'broker', department, taxCodes) : generate();
      await enterprises.push(generated.row);
      onEnterprise(generated.facts);
      if (generated.facts.isBroker) brokers.push(generated.facts.id);
      else candidates.offer(generated.facts.id);
      if (isDemo) {
        demoRows.push({ id: generated.facts.id, name: generated.row.name });
      }
    }
    await enterprises.flush();

    // Each broker declares for 5–30 enterprises of its department.
    const demo = demoOf();
    for (const brokerId of brokers) {
      const picks = rng.sample(candidates.items, rng.int(5, 30));
      if (demo && brokerId === demo.brokerId && !picks.includes(demo.enterpriseId)) {
        picks.pop();
        picks.unshift(demo.enterpriseId);
      }
      for (const enterpriseId of picks) {
        await clients.push({
          broker_id: brokerId,
          enterprise_id: enterpriseId,
          since: rng.dateBetween('2019-01-01', '2025-06-30'),
        });
      }
    }
    brokerCount += brokers.length;
    log(`seed: ${department.spec.nameVi}: ${count} enterprises, ${brokers.length} brokers`);
  }
  await clients.flush();
  const demo = demoOf();
  if (!demo) throw new Error('The demo enterprise and broker were not generated');
  return { enterprises: enterprises.written, brokers: brokerCount, brokerClients: clients.written, demo };
}

const DEMO_ENTERPRISE = {
  name: 'Công ty TNHH Linh kiện Điện tử Hải An',
  name_en: 'Hai An Electronic Components Co., Ltd.',
  address: 'Lô B5, Khu công nghiệp Tràng Duệ, huyện An Dương, thành phố Hải Phòng',
};
const DEMO_BROKER = {
  name: 'Công ty TNHH Dịch vụ Khai thuê Hải quan Cảng Xanh',
  name_en: 'Cang Xanh Customs Declaration Services Co., Ltd.',
  address: 'Số 18 Lê Thánh Tông, quận Ngô Quyền, thành phố Hải Phòng',
};

/** The two firms the demo story is told with: an importer in a Hai Phong zone, and its broker. */
function demoParty(kind: 'enterprise' | 'broker', department: SeededDepartment, taxCodes: TaxCodeIssuer): Generated {
  const branch = department.branches.find((candidate) => candidate.spec.code === '03NK');
  if (!branch) throw new Error('Branch 03NK is missing');
  const id = randomUUID();
  const common = {
    id,
    tax_code: taxCodes.issue(branch.locality.taxPrefix),
    province: branch.locality.name,
    managing_unit_id: branch.id,
  };
  if (kind === 'enterprise') {
    return {
      row: { ...common, ...DEMO_ENTERPRISE, is_broker: false },
      facts: { id, departmentCode: '03', tag: 'electronics', origin: null, isBroker: false },
    };
  }
  return {
    row: { ...common, ...DEMO_BROKER, is_broker: true },
    facts: { id, departmentCode: '03', tag: 'logistics', origin: null, isBroker: true },
  };
}
