/**
 * Collier's own JSON Lines format (docs/import.md): one fact per line, `{"type": "<fact type>", …}`
 * with the same fields as the mutation that writes that fact. Pure: text in, Fact out.
 */
import { FACT_PHASE, FACT_TYPES, Fact, FactProblem, FactType, validateFact } from '../domain/facts';

export const MAX_LINE_LENGTH = 1_000_000;

function parseObject(text: string): Record<string, unknown> {
  if (text.length > MAX_LINE_LENGTH) throw new FactProblem('', `the line is longer than ${MAX_LINE_LENGTH} characters`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FactProblem('', `not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value == null || Array.isArray(value))
    throw new FactProblem('', 'each line must be one JSON object');
  return value as Record<string, unknown>;
}

function factType(obj: Record<string, unknown>): FactType {
  const type = obj.type;
  if (typeof type !== 'string' || !(FACT_TYPES as readonly string[]).includes(type)) {
    throw new FactProblem('type', `must be one of ${FACT_TYPES.join(', ')} (got ${JSON.stringify(type ?? null)})`);
  }
  return type as FactType;
}

/** The phase a line belongs to (see FACT_PHASE), from its type alone; throws for a line that is not a fact. */
export function jsonlPhase(text: string): number {
  return FACT_PHASE[factType(parseObject(text))];
}

/** One line → one validated fact; throws FactProblem naming the field that is wrong. */
export function parseJsonlLine(text: string): Fact {
  const obj = parseObject(text);
  const type = factType(obj);
  const { type: _type, ...fields } = obj;
  return validateFact(type, fields);
}
