/**
 * What writers send and get back. Each input is one fact with its evidence (at least one source: an
 * existing Source's id, or a new source given inline); the same fields, with a `type`, make a line of
 * Collier's JSON Lines import format (docs/import.md). References to other entities are strings: an
 * id ("vessel:test-vessel-alpha"), or a natural key ("imo:9876543", "locode:XXABC",
 * "company-imo:1234567", "ftm:<FtM id>").
 */
import { ConfidenceTier } from '../enums';
import { SourceRefInput } from './source';
import { Field, InputType } from 'type-graphql';

/** Evidence every fact carries (a base of the fact inputs; not used by itself). */
@InputType('FactEvidenceInput', { description: 'The evidence fields every fact input has.' })
export abstract class EvidenceInput {
  @Field(() => [SourceRefInput], { description: 'At least one source.' })
  sources!: SourceRefInput[];

  @Field(() => ConfidenceTier, {
    nullable: true,
    description: 'Default: the tier of the best source cited (for a new fact).',
  })
  confidence?: ConfidenceTier | null;

  @Field(() => String, { nullable: true, description: 'How the sources qualify the fact.' })
  evidenceNote?: string | null;
}
