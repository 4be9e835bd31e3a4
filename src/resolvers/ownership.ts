/** Ownership trees: who is behind a vessel as of a day (one statement, db/read/ownership.ts). */
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { OwnershipTree } from '../schema/ownership';
import { ownership } from '../db/read/ownership';
import { DesignationStatus } from '../domain/enums';
import { Context } from './context';
import { notFound } from './errors';
import { dayArg, entityIdArg } from './analysisArgs';

const CONTROL = new Set(['OWNS', 'MANAGES', 'OPERATES', 'CONTROLS']);
const DIRECT: Record<string, 'owners' | 'managers' | 'operators'> = {
  OWNS: 'owners',
  MANAGES: 'managers',
  OPERATES: 'operators',
};

@Resolver()
export class OwnershipResolver {
  @Query(() => OwnershipTree, {
    description:
      'Registered owner, managers, operators and other parties of a vessel, and the chain of companies and persons that own or control them up to the last known parent, as of `at` (YYYY-MM-DD; omitted: every known tie), with every designation on the chain.',
  })
  async ownership(
    @Arg('vesselId', () => ID, {
      description: 'A vessel id; another kind of id: BAD_USER_INPUT; unknown: NOT_FOUND.',
    })
    vesselId: string,
    @Arg('at', () => String, { nullable: true, description: 'The day (YYYY-MM-DD); omitted: every known tie.' })
    at: string | null,
    @Ctx() ctx: Context,
  ): Promise<OwnershipTree> {
    entityIdArg('vesselId', vesselId, ['Vessel']);
    const day = dayArg('at', at);
    const tree = await ownership(ctx.db, vesselId, day, ctx.counter);
    if (!tree) throw notFound(`Vessel "${vesselId}"`);

    const parties = new Map(tree.parties.map((p) => [String(p.party.id), p]));
    // every tie's party is among the parties (one statement reads both, db/read/ownership.ts)
    const ties = tree.ties.flatMap((t) => {
      const p = parties.get(t.partyId);
      return p ? [{ relation: t.relation, depth: t.depth, party: p.party, designations: p.designations }] : [];
    });
    const direct = ties.filter((t) => t.depth === 1);
    // The control chains: from the owners, managers, operators and controllers upwards (not from charterers or brokers).
    const controlling = new Set(direct.filter((t) => CONTROL.has(t.relation.type)).map((t) => t.relation.partyId));
    for (const t of ties) if (t.depth > 1 && controlling.has(t.relation.targetId)) controlling.add(t.relation.partyId);
    const vesselNode = tree.graph.nodes[0];
    const designations = [
      ...tree.vesselDesignations.map((d) => ({ holder: vesselNode, depth: 0, designation: d })),
      ...tree.parties.flatMap((p) => {
        const holder = tree.graph.nodes.find((n) => n.id === p.party.id)!;
        return p.designations.map((d) => ({ holder, depth: p.depth, designation: d }));
      }),
    ];
    return {
      vessel: tree.vessel,
      at: tree.at,
      owners: direct.filter((t) => DIRECT[t.relation.type] === 'owners'),
      managers: direct.filter((t) => DIRECT[t.relation.type] === 'managers'),
      operators: direct.filter((t) => DIRECT[t.relation.type] === 'operators'),
      otherTies: direct.filter((t) => DIRECT[t.relation.type] == null),
      chain: ties.filter((t) => t.depth > 1),
      parties: tree.parties,
      ultimateParents: tree.parties.filter((p) => p.ultimateParent && controlling.has(String(p.party.id))),
      designations,
      designated: designations.some((d) => d.designation.status === DesignationStatus.IN_FORCE),
      graph: tree.graph,
    };
  }
}
