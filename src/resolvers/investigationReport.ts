/**
 * `investigationReport(id, format)`: an investigation as a Markdown or HTML document — its items in
 * order with their notes, authors and times; entities with their designations; saved traces re-run
 * (whether the answer changed, the best routes); saved queries; and every source cited, numbered.
 * This resolver gathers the facts through the request's loaders; domain/investigationReport.ts writes.
 */
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { InvestigationReport, ReportFormat } from '../schema/investigation';
import {
  renderHtml,
  renderMarkdown,
  ReportItem,
  ReportModel,
  reportFileName,
  SourceNumbers,
} from '../domain/investigationReport';
import { labelOfId } from '../domain/ids';
import { ItemView } from '../db/investigation/store';
import { AnyRecord, NodeRecord } from '../db/records';
import { RouteRecord } from '../db/trace';
import { Context } from './context';
import { existingInvestigation, itemLoader } from './investigation';
import { answerOf, rerun } from './savedTrace';

/** The routes of a saved trace a report lists (the most confident). */
export const REPORT_ROUTES = 10;

type Described = Omit<ReportItem, 'sources' | 'position' | 'note' | 'author' | 'addedAt' | 'kind'> & {
  sourceIds: string[];
};

const text = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : JSON.stringify(v));

async function records(ctx: Context, ids: string[]) {
  const found = await ctx.loaders.node.loadMany([...new Set(ids)]);
  return found.filter((n): n is NodeRecord => n != null && !(n instanceof Error)).map((n): AnyRecord => n);
}

async function describeEntity(ctx: Context, id: string): Promise<Described> {
  const node: AnyRecord | null = await ctx.loaders.node.load(id);
  if (!node) return { heading: id, facts: ['No longer in the graph.'], code: null, sourceIds: [] };
  const label = labelOfId(node.id) ?? 'Entity';
  const facts: string[] = [];
  if (node.imo) facts.push(`IMO ${text(node.imo)}`);
  if (node.flagText || node.flagCode) facts.push(`Flag: ${text(node.flagText ?? node.flagCode)}`);
  if (node.countryText || node.countryCode) facts.push(`Country: ${text(node.countryText ?? node.countryCode)}`);
  if (node.role) facts.push(`Role: ${text(node.role)}`);
  const sourceIds = [...((node.sourceIds as string[] | undefined) ?? [])];
  if (label === 'Vessel' || label === 'Company' || label === 'Person') {
    for (const d of await ctx.loaders.designationsOf.load(node.id)) {
      const date = d.date as { from: string | null; text: string | null };
      facts.push(
        `Designated: ${text(d.authority)}, ${text(d.measure)} (${text(d.status).toLowerCase().replace(/_/g, ' ')}), ${date.text ?? date.from ?? 'date unknown'}`,
      );
      sourceIds.push(...((d.sourceIds as string[] | undefined) ?? []));
    }
  }
  return { heading: `${text(node.name ?? node.id)} (${label}, ${node.id})`, facts, code: null, sourceIds };
}

async function routeLine(ctx: Context, r: RouteRecord): Promise<string> {
  const [places, vessels] = await Promise.all([
    records(ctx, [r.originId, ...r.portIds, r.finalPortId]),
    records(
      ctx,
      r.vesselSpans.map((s) => s.vesselId),
    ),
  ]);
  const name = new Map(places.map((p) => [p.id, text(p.name)]));
  const path = [...new Set([r.originId, ...r.portIds, r.finalPortId])].map((id) => name.get(id) ?? id);
  const days = r.firstDay || r.lastDay ? `, ${r.firstDay ?? '?'} to ${r.lastDay ?? '?'}` : '';
  return `${path.join(' → ')} (${r.finalCountryCode}): confidence ${r.confidence}, ${r.hops} leg(s), vessels ${vessels.map((v) => text(v.name)).join(', ')}${days}`;
}

async function routeSources(ctx: Context, routes: RouteRecord[]): Promise<string[]> {
  const [legs, transfers] = await Promise.all([
    ctx.loaders.legView.loadMany(routes.flatMap((r) => r.legIds)),
    records(
      ctx,
      routes.flatMap((r) => r.transferIds),
    ),
  ]);
  const ids: string[] = [];
  for (const l of legs)
    if (l && !(l instanceof Error)) ids.push(...((l.props.sourceIds as string[] | undefined) ?? []));
  for (const t of transfers) ids.push(...((t.sourceIds as string[] | undefined) ?? []));
  return ids;
}

async function describeTrace(ctx: Context, item: ItemView): Promise<Described> {
  const t = item.trace!;
  const p = t.parameters;
  const window = p.windowFrom || p.windowTo ? `, window ${p.windowFrom ?? 'open'} to ${p.windowTo ?? 'open'}` : '';
  const facts = [
    `${p.origin != null ? 'traceCargo' : 'traceBack'}: ${p.commodity}, maxHops ${p.maxHops}, maxWaitDays ${p.maxWaitDays}${window}, limit ${p.limit}${p.minConfidence != null ? `, minConfidence ${p.minConfidence}` : ''}${p.destinationCountry ? `, ending in ${p.destinationCountry}` : ''}${p.cargoOrigins ? `, cargo origins ${p.cargoOrigins.join(', ')}` : ''}`,
    `When saved: ${t.savedRouteIds.length} route(s).`,
  ];
  const heading = p.origin != null ? `cargo from ${p.origin}` : `cargo landed at ${p.destination ?? ''}`;
  let routes: RouteRecord[];
  try {
    routes = await rerun(ctx, t);
  } catch (error) {
    facts.push(`Not re-run for this report: ${(error as Error).message}`);
    return { heading, facts, code: null, sourceIds: [] };
  }
  const changed = answerOf(routes).fingerprint !== t.savedFingerprint;
  facts.push(
    changed
      ? `Now: ${routes.length} route(s) — the answer CHANGED since it was saved.`
      : `Now: ${routes.length} route(s) — the same answer as when saved.`,
  );
  const shown = routes.slice(0, REPORT_ROUTES);
  facts.push(...(await Promise.all(shown.map((r) => routeLine(ctx, r)))));
  if (routes.length > shown.length) facts.push(`… and ${routes.length - shown.length} less confident route(s).`);
  return { heading, facts, code: null, sourceIds: await routeSources(ctx, shown) };
}

function describeQuery(item: ItemView): Described {
  const q = item.query!;
  const code = q.variables ? `${q.text}\n\n# variables: ${q.variables}` : q.text;
  return { heading: 'saved GraphQL query', facts: [], code, sourceIds: [] };
}

function describe(ctx: Context, item: ItemView): Promise<Described> {
  if (item.kind === 'ENTITY') return describeEntity(ctx, item.entityId!);
  if (item.kind === 'TRACE') return describeTrace(ctx, item);
  return Promise.resolve(describeQuery(item));
}

@Resolver()
export class InvestigationReportResolver {
  @Authorized('READER')
  @Query(() => InvestigationReport, {
    description:
      'An investigation written out as a report (Markdown or HTML): its items in order with notes, authors and times, entities with their designations, saved traces re-run with their best routes and whether the answer changed, queries, and every source cited. Reader.',
  })
  async investigationReport(
    @Arg('id', () => ID, { description: 'The investigation ("investigation:…"); unknown: NOT_FOUND.' }) id: string,
    @Arg('format', () => ReportFormat, {
      defaultValue: ReportFormat.MARKDOWN,
      description: 'MARKDOWN (default) or HTML.',
    })
    format: ReportFormat,
    @Ctx() ctx: Context,
  ): Promise<InvestigationReport> {
    const inv = await existingInvestigation(ctx, 'id', id);
    const items = await itemLoader(ctx).load(inv.id);
    const described = await Promise.all(items.map((item) => describe(ctx, item)));
    const numbers = new SourceNumbers();
    const reportItems: ReportItem[] = items.map((item, i) => ({
      position: item.position,
      kind: item.kind,
      heading: described[i].heading,
      note: item.note,
      author: item.author,
      addedAt: item.addedAt,
      facts: described[i].facts,
      code: described[i].code,
      sources: numbers.cite(described[i].sourceIds),
    }));
    const sources = await records(ctx, numbers.ids());
    const byId = new Map(sources.map((s) => [s.id, s]));
    const model: ReportModel = {
      id: inv.id,
      title: inv.title,
      summary: inv.summary,
      owner: inv.owner,
      createdAt: inv.createdAt,
      updatedAt: inv.updatedAt,
      generatedAt: new Date().toISOString(),
      items: reportItems,
      sources: numbers.ids().map((sid, i) => {
        const s = byId.get(sid);
        return {
          n: i + 1,
          title: s?.title != null ? text(s.title) : null,
          publisher: s ? text(s.publisher) : 'unknown publisher',
          date: s?.date != null ? text(s.date) : null,
          url: s ? text(s.url) : sid,
        };
      }),
    };
    const html = format === ReportFormat.HTML;
    return {
      format,
      fileName: reportFileName(inv.title, format),
      mediaType: html ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8',
      content: html ? renderHtml(model) : renderMarkdown(model),
    };
  }
}
