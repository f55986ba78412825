// The tables that leave through disclosure control. Where their rows come from
// (each row one rated thing at a leaf of the unit tree, with the business behind
// it, the item it belongs to and the counts it adds) is in repository.ts.

export const DISCLOSURE_TABLES = ['service_ratings', 'support_answers'] as const;
export type DisclosureTable = (typeof DISCLOSURE_TABLES)[number];
