/**
 * Investigations: readers read every investigation and its report; editors create them, change them
 * and add or remove items (any editor: an investigation is shared work; each item records its
 * author). Inputs are checked (domain/investigation.ts), the entity or port an item names must be in
 * the graph, a trace must run and a query must validate, before anything is written.
 */
import DataLoader from 'dataloader';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { GraphQLResolveInfo, Kind, OperationTypeNode, parse, validate } from 'graphql';
import { Investigation, InvestigationConnection, InvestigationItem } from '../schema/investigation';
import {
  CreateInvestigationInput,
  InvestigationItemInput,
  SavedQueryInput,
  UpdateInvestigationInput,
} from '../schema/inputs/investigation';
import { Node } from '../schema/node';
import {
  INVESTIGATION_ID,
  InvestigationInputProblem,
  itemKindOf,
  ITEM_ID,
  MAX_INVESTIGATION_ITEMS,
  MAX_NOTE_LENGTH,
  MAX_QUERY_TEXT,
  MAX_SUMMARY_LENGTH,
  MAX_TITLE_LENGTH,
  optionalText,
  queryVariables,
  requiredText,
} from '../domain/investigation';
import { Page, toPage } from '../domain/pagination';
import {
  addItem,
  createInvestigation,
  findInvestigation,
  InvestigationFull,
  InvestigationView,
  itemsOf,
  ItemView,
  listInvestigations,
  NewItem,
  removeItem,
  updateInvestigation,
} from '../db/investigation/store';
import { Context } from './context';
import { badInput, checkedInput, notFound } from './errors';
import { writerOf } from './writer';
import { idArg, pageArgs } from './args';
import { PageArgs } from '../schema/args/page';
import { firstItems, MAX_LIST_FIRST } from './listBound';
import { traceToSave } from './savedTrace';

const INPUT_HELP =
  'A field that fails its checks is BAD_USER_INPUT naming it (e.g. `item.trace.maxHops`), and nothing is written.';

/** Runs a pure check, reporting its problem as BAD_USER_INPUT naming the field. */
const checked = <T>(work: () => T): T => checkedInput(InvestigationInputProblem, work);

/** An investigation by id: BAD_USER_INPUT for something that is not an investigation id, NOT_FOUND when there is none. */
export async function existingInvestigation(ctx: Context, argument: string, id: string): Promise<InvestigationView> {
  if (!INVESTIGATION_ID.test(id))
    throw badInput(argument, `is not an investigation id ("investigation:<uuid>"; got "${id}")`);
  const found = await findInvestigation(ctx.db, id, ctx.counter);
  if (!found) throw notFound(`Investigation "${id}"`);
  return found;
}

/** The items of the investigations of one request, in one statement (request-scoped, like the other loaders). */
const itemLoaders = new WeakMap<Context, DataLoader<string, ItemView[]>>();
export function itemLoader(ctx: Context): DataLoader<string, ItemView[]> {
  let loader = itemLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, ItemView[]>((ids) => itemsOf(ctx.db, ids, ctx.counter));
    itemLoaders.set(ctx, loader);
  }
  return loader;
}

/** A saved query must parse, validate against this schema, and hold only queries. */
function checkQuery(info: GraphQLResolveInfo, q: SavedQueryInput): { text: string; variables: string | null } {
  const text = checked(() => requiredText('item.query.text', q.text, MAX_QUERY_TEXT));
  let doc;
  try {
    doc = parse(text);
  } catch (error) {
    throw badInput('item.query.text', `is not GraphQL: ${(error as Error).message}`);
  }
  const problems = validate(info.schema, doc);
  if (problems.length > 0)
    throw badInput('item.query.text', `does not validate against the schema: ${problems[0].message}`);
  for (const def of doc.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION && def.operation !== OperationTypeNode.QUERY)
      throw badInput('item.query.text', `must hold only queries (found a ${def.operation})`);
  }
  return { text, variables: checked(() => queryVariables('item.query.variables', q.variables)) };
}

/** The item an input stands for, checked; entity ids resolve to the entity kept after a merge. */
async function newItem(ctx: Context, info: GraphQLResolveInfo, input: InvestigationItemInput): Promise<NewItem> {
  const kind = checked(() => itemKindOf(input));
  const note = checked(() => optionalText('item.note', input.note, MAX_NOTE_LENGTH));
  const item: NewItem = { kind, note, entityId: null, trace: null, query: null };
  if (kind === 'ENTITY') {
    idArg('item.entityId', input.entityId!);
    const node = await ctx.loaders.node.load(input.entityId!);
    if (!node) throw badInput('item.entityId', `names nothing in the graph (got "${input.entityId}")`);
    item.entityId = node.id;
  } else if (kind === 'TRACE') {
    item.trace = await traceToSave(ctx, input.trace!, 'item.trace');
  } else {
    item.query = checkQuery(info, input.query!);
  }
  return item;
}

@Resolver(() => Investigation)
export class InvestigationResolver {
  @Authorized('READER')
  @Query(() => Investigation, {
    nullable: true,
    description:
      'An investigation by id, with its items in order; null when there is none. A saved trace re-runs when its current answer is selected (SavedTrace). Reader.',
  })
  async investigation(
    @Arg('id', () => ID, { description: 'An investigation id ("investigation:…"); another string: BAD_USER_INPUT.' })
    id: string,
    @Ctx() ctx: Context,
  ): Promise<InvestigationView | null> {
    if (!INVESTIGATION_ID.test(id))
      throw badInput('id', `is not an investigation id ("investigation:<uuid>"; got "${id}")`);
    return findInvestigation(ctx.db, id, ctx.counter);
  }

  @Authorized('READER')
  @Query(() => InvestigationConnection, { description: 'Investigations, the most recently changed first. Reader.' })
  async investigations(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Page<Investigation>> {
    const page = pageArgs(args.first, args.after);
    const { total, items } = await listInvestigations(ctx.db, page, ctx.counter);
    return toPage(items, page.offset, total);
  }

  @Authorized('EDITOR')
  @Mutation(() => Investigation, { description: 'Creates an investigation owned by the caller (audited). Editor.' })
  async createInvestigation(
    @Arg('input', () => CreateInvestigationInput, { description: INPUT_HELP }) input: CreateInvestigationInput,
    @Ctx() ctx: Context,
  ): Promise<InvestigationView> {
    const title = checked(() => requiredText('input.title', input.title, MAX_TITLE_LENGTH));
    const summary = checked(() => optionalText('input.summary', input.summary, MAX_SUMMARY_LENGTH));
    const view = await createInvestigation(
      ctx.db,
      { title, summary },
      writerOf(ctx, 'createInvestigation'),
      ctx.counter,
    );
    ctx.logger.info({ investigation: view.id }, 'investigation created');
    return view;
  }

  @Authorized('EDITOR')
  @Mutation(() => Investigation, {
    description:
      'Changes the title or summary of an investigation (audited; a change that changes nothing writes nothing). Editor.',
  })
  async updateInvestigation(
    @Arg('id', () => ID, { description: 'The investigation.' }) id: string,
    @Arg('input', () => UpdateInvestigationInput, { description: INPUT_HELP }) input: UpdateInvestigationInput,
    @Ctx() ctx: Context,
  ): Promise<InvestigationView> {
    const change: { title?: string; summary?: string | null } = {};
    if (input.title !== undefined)
      change.title = checked(() => requiredText('input.title', input.title, MAX_TITLE_LENGTH));
    if (input.summary !== undefined)
      change.summary = checked(() => optionalText('input.summary', input.summary, MAX_SUMMARY_LENGTH));
    const current = await existingInvestigation(ctx, 'id', id);
    return updateInvestigation(ctx.db, current, change, writerOf(ctx, 'updateInvestigation'), ctx.counter);
  }

  @Authorized('EDITOR')
  @Mutation(() => InvestigationItem, {
    description: `Adds an entity, a trace (run now; its answer's fingerprint is kept) or a query, with a note, at the end of an investigation (audited; at most ${MAX_INVESTIGATION_ITEMS} items). Editor.`,
  })
  async addToInvestigation(
    @Arg('id', () => ID, { description: 'The investigation.' }) id: string,
    @Arg('item', () => InvestigationItemInput, { description: INPUT_HELP }) item: InvestigationItemInput,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ItemView> {
    const current = await existingInvestigation(ctx, 'id', id);
    const spec = await newItem(ctx, info, item);
    try {
      const added = await addItem(ctx.db, current.id, spec, writerOf(ctx, 'addToInvestigation'), ctx.counter);
      if (!added) throw notFound(`Investigation "${id}"`);
      return added;
    } catch (error) {
      if (error instanceof InvestigationFull)
        throw badInput(
          'id',
          `holds ${MAX_INVESTIGATION_ITEMS} items already: remove some or start another investigation`,
        );
      throw error;
    }
  }

  @Authorized('EDITOR')
  @Mutation(() => Investigation, { description: 'Removes an item from an investigation (audited). Editor.' })
  async removeFromInvestigation(
    @Arg('id', () => ID, { description: 'The investigation.' }) id: string,
    @Arg('itemId', () => ID, { description: 'The item ("invitem:…"); one the investigation does not hold: NOT_FOUND.' })
    itemId: string,
    @Ctx() ctx: Context,
  ): Promise<InvestigationView> {
    if (!ITEM_ID.test(itemId))
      throw badInput('itemId', `is not an investigation item id ("invitem:<uuid>"; got "${itemId}")`);
    const current = await existingInvestigation(ctx, 'id', id);
    if (!(await removeItem(ctx.db, current.id, itemId, writerOf(ctx, 'removeFromInvestigation'), ctx.counter)))
      throw notFound(`Item "${itemId}" of ${id}`);
    return (await findInvestigation(ctx.db, current.id, ctx.counter)) ?? current;
  }

  @FieldResolver(() => [InvestigationItem])
  async items(
    @Root() i: InvestigationView,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, {
      defaultValue: 100,
      description: `Most items to return, 1 to ${MAX_LIST_FIRST} (default 100), in position order.`,
    })
    first: number,
    @Arg('afterPosition', () => Int, {
      nullable: true,
      description: 'Only items after this position (the last position of the previous page).',
    })
    afterPosition: number | null | undefined,
  ): Promise<ItemView[]> {
    const all = await itemLoader(ctx).load(i.id);
    return firstItems(ctx.budget, afterPosition == null ? all : all.filter((x) => x.position > afterPosition), first);
  }
}

@Resolver(() => InvestigationItem)
export class InvestigationItemResolver {
  @FieldResolver(() => Node, { nullable: true })
  async entity(@Root() item: ItemView, @Ctx() ctx: Context): Promise<Node | null> {
    return item.entityId ? ctx.loaders.node.load(item.entityId) : null;
  }
}
