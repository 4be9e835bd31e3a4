/**
 * Identifier rules for ships, ports and countries. Pure functions, no I/O: the API checks every
 * identifier a user sends against these before anything reaches the database.
 */
import countries from 'i18n-iso-countries';

/** An IMO ship number: seven digits, the last a check digit (IMO Resolution A.1117(30)). */
export function isValidImo(value: string): boolean {
  const digits = normalizeImo(value);
  if (!/^\d{7}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(digits[i]) * (7 - i);
  return sum % 10 === Number(digits[6]);
}

/** Accepts "9114555" and "IMO 9114555"; returns the seven digits (or the input trimmed if it has none). */
export function normalizeImo(value: string): string {
  return value.trim().replace(/^IMO\s*/i, '');
}

/**
 * A Maritime Mobile Service Identity: nine digits. A ship station's first digit is 2–7 (its first three
 * digits are the flag state's Maritime Identification Digits); other leading digits belong to coast
 * stations, groups and devices, which are not ships.
 */
export function isValidMmsi(value: string): boolean {
  return /^[2-7]\d{8}$/.test(value.trim());
}

/** A UN/LOCODE: an ISO country code followed by three letters or digits 2–9 ("KPNAM", "CNLYG"). */
export function isValidLocode(value: string): boolean {
  const code = normalizeLocode(value);
  return /^[A-Z]{2}[A-Z2-9]{3}$/.test(code) && isValidCountryCode(code.slice(0, 2));
}

/** "kp nam" and "KP NAM" → "KPNAM" (the code list prints a space after the country). */
export function normalizeLocode(value: string): string {
  return value.trim().toUpperCase().replace(/\s+/g, '');
}

/** An assigned ISO 3166-1 alpha-2 country code. */
export function isValidCountryCode(value: string): boolean {
  const code = value.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

export function normalizeCountryCode(value: string): string {
  return value.trim().toUpperCase();
}

export function countryName(code: string): string | undefined {
  return countries.getName(code, 'en');
}
