// A list of ids as one query parameter: `= any(${uuidList(ids)}::uuid[])`. An
// empty list becomes a list holding an id no row has, so the comparison stays valid.
import { sql } from 'kysely';

export const NO_ID = '00000000-0000-0000-0000-000000000000';

export const uuidList = (ids: readonly string[]) => sql.val(ids.length ? [...ids] : [NO_ID]);
