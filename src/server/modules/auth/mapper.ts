import type { Me } from '../../../contracts/auth.ts';
import type { UserActor } from '../../lib/actor.ts';

interface ProfileParts {
  enterpriseId: string | null;
  tax_code: string | null;
  enterpriseName: string | null;
  associationId: string | null;
  associationName: string | null;
  officerId: string | null;
  officerCode: string | null;
}

export function toMe(actor: UserActor, parts: ProfileParts): Me {
  return {
    id: actor.userId,
    email: actor.email,
    fullName: actor.fullName,
    locale: actor.locale,
    roles: actor.roles.map((grant) => ({ role: grant.role, unitId: grant.unitId, unitCode: grant.unitCode })),
    enterprise: parts.enterpriseId
      ? { id: parts.enterpriseId, taxCode: parts.tax_code ?? '', name: parts.enterpriseName ?? '' }
      : null,
    association: parts.associationId ? { id: parts.associationId, name: parts.associationName ?? '' } : null,
    officer: parts.officerId ? { id: parts.officerId, code: parts.officerCode ?? '' } : null,
    csrfToken: actor.csrfToken,
  };
}
