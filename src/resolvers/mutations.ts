/**
 * Writes. Every mutation needs a role (`@Authorized`, checked before the resolver runs, so nothing is
 * written without it): editors record facts, admins merge duplicates and import payloads. A mutation
 * validates its input (domain/facts.ts), writes it in one transaction (db/write/writeFacts.ts: the fact, its
 * evidence, its audit entry and the NEXT links it implies), and answers what changed.
 */
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { CompanyInput, PersonInput } from '../schema/inputs/party';
import { DesignationInput } from '../schema/inputs/designation';
import { IdentityClaimInput } from '../schema/inputs/identityClaim';
import { LegInput } from '../schema/inputs/leg';
import { PartyLinkInput } from '../schema/inputs/partyLink';
import { PortInput } from '../schema/inputs/port';
import { SourceInput } from '../schema/inputs/source';
import { TransferInput } from '../schema/inputs/transfer';
import { VesselInput } from '../schema/inputs/vessel';
import { ImportFormat, ImportReport } from '../schema/importReport';
import { MergeResult } from '../schema/mergeResult';
import { WriteResult } from '../schema/writeResult';
import { Node } from '../schema/node';
import { PartyRelation } from '../schema/party';
import { Fact, FactProblem, FactType, validateFact } from '../domain/facts';
import { findRelation, writeFacts, WriteContext } from '../db/write/writeFacts';
import { MERGEABLE_LABELS, MergeError, mergeEntities } from '../db/write/merge';
import { importLines, linesOf } from '../import/pipeline';
import { MergeArgs } from '../schema/args/merge';
import { ANY_LABEL, loadNode } from './load';
import { Returned } from './returned';
import { Context } from './context';
import { callerName, writerOf } from './writer';
import { badInput, notFound } from './errors';
import { idArg } from './args';

/** What every write's `input` argument says about its errors. */
const INPUT_HELP =
  'The fact to write. A field that fails its checks is BAD_USER_INPUT naming it (e.g. `input.imo`), and nothing is written.';

/** Most lines `importFacts` takes; larger files go through `npm run import`. */
export const MAX_IMPORT_LINES = 5000;

function writeContext(ctx: Context, operation: string): WriteContext {
  return { ...writerOf(ctx, operation), runId: null };
}

/** A GraphQL input object → the plain record domain/facts validates (the same shape as a JSON Lines record). */
function plain(input: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
}

function toFact(type: FactType, input: object): Fact {
  try {
    return validateFact(type, plain(input));
  } catch (error) {
    if (error instanceof FactProblem) throw badInput(error.field ? `input.${error.field}` : 'input', error.problem);
    throw error;
  }
}

async function writeOne(ctx: Context, type: FactType, input: object, operation: string): Promise<WriteResult> {
  const fact = toFact(type, input);
  const { outcomes } = await writeFacts(ctx.db, [fact], writeContext(ctx, operation), { counter: ctx.counter });
  const [o] = outcomes;
  if (o.status === 'REJECTED') {
    const p = o.problem!;
    throw badInput(p.field ? `input.${p.field}` : 'input', p.problem);
  }
  ctx.loaders.node.clearAll();
  ctx.logger.info({ operation, id: o.id, status: o.status, changed: o.changed }, 'write');
  return {
    id: o.id!,
    status: o.status as WriteResult['status'],
    changed: o.changed,
    changeIds: o.changeIds,
    label: o.label,
  };
}

@Resolver(() => WriteResult)
export class MutationResolver {
  @Authorized('EDITOR')
  @Mutation(() => WriteResult, { description: 'Adds a source (its id is derived from its address). Editor.' })
  async addSource(
    @Arg('input', () => SourceInput, { description: INPUT_HELP }) input: SourceInput,
    @Ctx() ctx: Context,
  ): Promise<WriteResult> {
    return writeOne(ctx, 'source', input, 'addSource');
  }

  @Authorized('EDITOR')
  @Mutation(() => WriteResult, {
    description: 'Creates or updates a vessel (found by id, else IMO number, else name). Editor.',
  })
  async upsertVessel(
    @Arg('input', () => VesselInput, { description: INPUT_HELP }) input: VesselInput,
    @Ctx() ctx: Context,
  ): Promise<WriteResult> {
    return writeOne(ctx, 'vessel', input, 'upsertVessel');
  }

  @Authorized('EDITOR')
  @Mutation(() => WriteResult, {
    description: 'Creates or updates a company (found by id, else IMO company number, else name). Editor.',
  })
  async upsertCompany(
    @Arg('input', () => CompanyInput, { description: INPUT_HELP }) input: CompanyInput,
    @Ctx() ctx: Context,
  ): Promise<WriteResult> {
    return writeOne(ctx, 'company', input, 'upsertCompany');
  }

  @Authorized('EDITOR')
  @Mutation(() => WriteResult, { description: 'Creates or updates a person (found by id, else name). Editor.' })
  async upsertPerson(
    @Arg('input', () => PersonInput, { description: INPUT_HELP }) input: PersonInput,
    @Ctx() ctx: Context,
  ): Promise<WriteResult> {
    return writeOne(ctx, 'person', input, 'upsertPerson');
  }

  @Authorized('EDITOR')
  @Mutation(() => WriteResult, {
    description: 'Creates or updates a port (found by id, else UN/LOCODE, else name). Editor.',
  })
  async upsertPort(
    @Arg('input', () => PortInput, { description: INPUT_HELP }) input: PortInput,
    @Ctx() ctx: Context,
  ): Promise<WriteResult> {
    return writeOne(ctx, 'port', input, 'upsertPort');
  }

  @Authorized('EDITOR')
  @Mutation(() => WriteResult, {
    description:
      "Adds (or corrects) an identity claimed for a vessel; the vessel's current flag and other names follow. Editor.",
  })
  async addIdentityClaim(
    @Arg('input', () => IdentityClaimInput, { description: INPUT_HELP }) input: IdentityClaimInput,
    @Ctx() ctx: Context,
  ): Promise<WriteResult> {
    return writeOne(ctx, 'identityClaim', input, 'addIdentityClaim');
  }

  @Authorized('EDITOR')
  @Mutation(() => WriteResult, {
    description: 'Records (or corrects) a leg; the NEXT links it implies are written in the same transaction. Editor.',
  })
  async recordLeg(
    @Arg('input', () => LegInput, { description: INPUT_HELP }) input: LegInput,
    @Ctx() ctx: Context,
  ): Promise<WriteResult> {
    return writeOne(ctx, 'leg', input, 'recordLeg');
  }

  @Authorized('EDITOR')
  @Mutation(() => WriteResult, {
    description:
      'Records (or corrects) a transfer; the NEXT links of the legs it joins are recomputed with it. Editor.',
  })
  async recordTransfer(
    @Arg('input', () => TransferInput, { description: INPUT_HELP }) input: TransferInput,
    @Ctx() ctx: Context,
  ): Promise<WriteResult> {
    return writeOne(ctx, 'transfer', input, 'recordTransfer');
  }

  @Authorized('EDITOR')
  @Mutation(() => WriteResult, {
    description:
      'Links a company or person to a vessel or company: ownership, management, control … with a role and a time span. Editor.',
  })
  async linkParty(
    @Arg('input', () => PartyLinkInput, { description: INPUT_HELP }) input: PartyLinkInput,
    @Ctx() ctx: Context,
  ): Promise<WriteResult> {
    return writeOne(ctx, 'relation', input, 'linkParty');
  }

  @Authorized('EDITOR')
  @Mutation(() => WriteResult, { description: 'Adds (or corrects) a sanction on a vessel, company or person. Editor.' })
  async addDesignation(
    @Arg('input', () => DesignationInput, { description: INPUT_HELP }) input: DesignationInput,
    @Ctx() ctx: Context,
  ): Promise<WriteResult> {
    return writeOne(ctx, 'designation', input, 'addDesignation');
  }

  @Authorized('ADMIN')
  @Mutation(() => MergeResult, {
    description:
      'Folds a duplicate into the entity to keep: relationships, names and evidence move over, and `remove` resolves to `keep` from then on. Admin.',
  })
  async mergeEntities(@Args(() => MergeArgs) { keep, remove }: MergeArgs, @Ctx() ctx: Context): Promise<MergeResult> {
    const label = idArg('keep', keep, MERGEABLE_LABELS);
    idArg('remove', remove, [label]);
    if (keep === remove) throw badInput('remove', 'must be another entity than keep');
    try {
      const r = await mergeEntities(ctx.db, keep, remove, label, writeContext(ctx, 'mergeEntities'), ctx.counter);
      ctx.loaders.node.clearAll();
      ctx.logger.info({ keep, remove, status: r.status }, 'merge');
      return {
        status: r.status as MergeResult['status'],
        keptId: r.keepId,
        removedId: r.removeId,
        movedRelationships: r.movedRelationships,
        changeIds: r.changeIds,
      };
    } catch (error) {
      if (error instanceof MergeError)
        throw error.kind === 'NOT_FOUND'
          ? notFound(error.argument === 'keep' ? keep : remove)
          : badInput(error.argument, error.message);
      throw error;
    }
  }

  @Authorized('ADMIN')
  @Mutation(() => ImportReport, {
    description: `Imports a small payload (at most ${MAX_IMPORT_LINES} lines, and within the request body limit BODY_LIMIT, 1 MB by default) of JSON Lines or FtM entities; larger files: \`npm run import\`. Admin.`,
  })
  async importFacts(
    @Arg('format', () => ImportFormat, {
      description: 'How to read the payload: Collier JSON Lines or FollowTheMoney entities.',
    })
    format: ImportFormat,
    @Arg('payload', () => String, { description: 'The lines of the file.' }) payload: string,
    @Arg('dryRun', () => Boolean, { defaultValue: false, description: 'Check and count, write nothing.' })
    dryRun: boolean,
    @Ctx() ctx: Context,
  ): Promise<Returned<ImportReport>> {
    const lines = payload.split(/\r?\n/).length;
    if (lines > MAX_IMPORT_LINES)
      throw badInput('payload', `has ${lines} lines; at most ${MAX_IMPORT_LINES} (use npm run import for files)`);
    const report = await importLines(ctx.db, linesOf(payload), {
      format,
      dryRun,
      actor: callerName(ctx),
      operation: 'importFacts',
      requestId: ctx.requestId,
    });
    ctx.counter.count += report.stats.statements;
    ctx.loaders.node.clearAll();
    ctx.logger.info(
      { runId: report.runId, created: report.created, updated: report.updated, rejected: report.rejected },
      'import',
    );
    const skipped = (props: Record<string, number>, definedBySchema: boolean) =>
      Object.entries(props).map(([property, count]) => ({ property, count, definedBySchema }));
    return {
      ...report,
      skippedProperties: [...skipped(report.skippedProperties, true), ...skipped(report.unknownProperties, false)],
      nodesCreated: report.stats.nodesCreated,
      relationshipsCreated: report.stats.relationshipsCreated,
    };
  }

  @FieldResolver(() => Node, { nullable: true })
  async node(@Root() r: WriteResult, @Ctx() ctx: Context): Promise<Node | null> {
    return r.label && !r.id.startsWith('rel:') ? ctx.loaders.node.load(r.id) : null;
  }

  @FieldResolver(() => PartyRelation, { nullable: true })
  async relation(@Root() r: WriteResult, @Ctx() ctx: Context): Promise<PartyRelation | null> {
    return r.id.startsWith('rel:') && r.label ? findRelation(ctx.db, r.label, r.id, ctx.counter) : null;
  }
}

@Resolver(() => MergeResult)
export class MergeResultResolver {
  @FieldResolver(() => Node, { nullable: true })
  async kept(@Root() r: MergeResult, @Ctx() ctx: Context): Promise<Node | null> {
    return loadNode(ctx, r.keptId, ANY_LABEL);
  }
}
