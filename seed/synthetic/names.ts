/**
 * Days, names and ids of the synthetic world: every name obviously synthetic.
 */

/* ------------------------------------------------------------------------------------------------
 * Days, names, ids
 * ---------------------------------------------------------------------------------------------- */

export const DAY_MS = 86_400_000;
export const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoCache = new Map<number, string>();
/** The ISO text of a day (memoized: a world has a few thousand distinct days and writes each one millions of times). */
export const isoOf = (day: number): string => {
  let iso = isoCache.get(day);
  if (iso === undefined) isoCache.set(day, (iso = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  return iso;
};
export const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const NONE = -2147483648; // "unknown day" in the Int32 arrays

export const portId = (i: number) => `port:syn-${pad(i + 1, 4)}`;
export const portName = (i: number) => `Synport ${pad(i + 1, 4)}`;
export const vesselId = (i: number) => `vessel:syn-${pad(i + 1, 6)}`;
export const vesselName = (i: number) => `Synthetic Vessel ${pad(i + 1, 6)}`;
export const companyId = (i: number) => `company:syn-${pad(i + 1, 5)}`;
export const personId = (i: number) => `person:syn-${pad(i + 1, 5)}`;
export const legId = (i: number) => `leg:syn-${pad(i + 1, 7)}`;
export const transferId = (i: number) => `transfer:syn-${pad(i + 1, 6)}`;
export const designationId = (i: number) => `designation:syn-${pad(i + 1, 6)}`;
export const claimId = (vessel: number, k: number) => `identity:syn-${pad(vessel + 1, 6)}-${k}`;
export const sourceUrl = (i: number) => `https://example.org/synthetic/report-${pad(i + 1, 5)}`;

export const COMPANY_WORDS = [
  'Holdings',
  'Shipping',
  'Maritime',
  'Trading',
  'Navigation',
  'Logistics',
  'Marine',
  'Resources',
];
export const COMPANY_SUFFIXES = ['Ltd', 'Co Ltd', 'SA', 'LLC', 'Inc', 'Pte Ltd', 'Corp'];

/** A synthetic IMO ship number: 1 + five digits + the check digit (no real ship's number starts with 1); unique up to 100 000 vessels. */
export function syntheticImo(i: number): string {
  const six = `1${pad(i % 100_000, 5)}`;
  const digits = six.split('').map(Number);
  const sum = digits.reduce((s, d, k) => s + d * (7 - k), 0);
  return `${six}${sum % 10}`;
}
