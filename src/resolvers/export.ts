/** Subgraph export: the neighbourhood of several entities written as GraphML, GEXF or CSV, in one statement. */
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { ExportArgs } from '../schema/args/export';
import { MAX_NEIGHBORHOOD_DEPTH, MAX_NEIGHBORHOOD_LIMIT, neighborhood } from '../db/read/neighborhood';
import { renderExport } from '../render/renderExport';
import { ExportFormat } from '../domain/subgraphExport';
import { exportNodes } from '../db/export/exportFile';
import { Context } from './context';
import { badInput } from './errors';
import { entityIdArg, intArg, notFoundIds, walkFilterArgs } from './analysisArgs';

export const MAX_EXPORT_IDS = 100;

@Resolver()
export class ExportResolver {
  @Query(() => String, {
    description:
      'The neighbourhood of the given entities as a file to open in Gephi, yEd, i2 or a spreadsheet (GRAPHML, GEXF or CSV), every node and edge with its confidence and sources; or its facts to import elsewhere (JSONL, FTM).',
  })
  async exportSubgraph(@Args(() => ExportArgs) args: ExportArgs, @Ctx() ctx: Context): Promise<string> {
    if (args.ids.length === 0) throw badInput('ids', 'must name at least one entity');
    if (args.ids.length > MAX_EXPORT_IDS)
      throw badInput('ids', `must name at most ${MAX_EXPORT_IDS} entities (got ${args.ids.length})`);
    const ids = args.ids.map((id, i) => entityIdArg(`ids[${i}]`, id));
    const depth = intArg('depth', args.depth, 0, MAX_NEIGHBORHOOD_DEPTH);
    const limit = intArg('limit', args.limit, 1, MAX_NEIGHBORHOOD_LIMIT);
    if (new Set(ids).size > limit) throw badInput('limit', `must be at least the number of ids (${new Set(ids).size})`);
    // every property of each node: the file formats write them all
    const g = await neighborhood(ctx.db, { ids, depth, limit, view: 'whole', ...walkFilterArgs(args) }, ctx.counter);
    if (g.missing.length > 0) throw notFoundIds(g.missing);
    if (g.truncated) ctx.logger.info({ ids: ids.length, depth, limit }, 'export cut short by its limit');
    if (args.format === ExportFormat.JSONL || args.format === ExportFormat.FTM) {
      const facts = await exportNodes(
        ctx.db,
        args.format === ExportFormat.JSONL ? 'jsonl' : 'ftm',
        g.nodes.map((n) => n.id),
        ctx.counter,
      );
      return facts.lines.map((l) => `${l}\n`).join('');
    }
    // Rendered on the export thread: a large file written here would hold every other request.
    return renderExport(
      {
        nodes: g.nodes.map((n) => ({ id: n.id, label: n.label, name: n.name, props: n.props })),
        edges: g.edges.map((e) => ({
          id: e.id,
          type: e.type,
          source: e.source,
          target: e.target,
          confidence: e.confidence,
          period: (e.period as { from: string | null; to: string | null } | null) ?? null,
          sourceIds: e.sourceIds,
        })),
      },
      args.format,
    );
  }
}
