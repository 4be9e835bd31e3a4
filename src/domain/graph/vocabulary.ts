/**
 * Values the store spells that readers match on: the placeholder port kind, and the kinds and
 * certainties of the derived NEXT links.
 */
import { PortKind } from '../enums';

/** A Port that stands for "a port in this country, not named": no meeting place for a trace. */
export const PLACEHOLDER_PORT_KIND = `${PortKind.UNSPECIFIED_IN_COUNTRY}` as const;

/** A NEXT link: a documented transfer, a continuation on the same vessel, or an inferred reload. */
export type LinkKind = 'TRANSFER' | 'CONTINUATION' | 'INFERRED';
/** How sure a NEXT link is: POSSIBLE when its place or timing is only one of several. */
export type LinkCertainty = 'CERTAIN' | 'POSSIBLE';
