/** Subgraphs written as files for Gephi, i2 or a spreadsheet. */
import { ArgsType, Field, ID, Int, registerEnumType } from 'type-graphql';
import { ExportFormat } from '../domain/subgraphExport';
import { WalkArgs } from './neighborhood';

registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description:
    'GRAPHML (typed keys; Gephi, yEd, Cytoscape), GEXF 1.3 (Gephi), CSV (a nodes table and an edges table in one text, split before the "# edges" line); JSONL and FTM write the facts themselves in the import formats.',
  valuesConfig: {
    GRAPHML: { description: 'GraphML XML with typed keys: opens in Gephi, yEd and Cytoscape.' },
    GEXF: { description: "GEXF 1.3 XML: Gephi's own format." },
    CSV: { description: 'Two CSV tables in one text: the nodes, then the edges after a "# edges" line.' },
    JSONL: {
      description:
        "Collier's own JSON Lines (the `importFacts` / `npm run import` format): every fact of the subgraph with its evidence, plus the entities and sources those facts name, so the text imports on its own into an empty database.",
    },
    FTM: {
      description:
        'FollowTheMoney entities, one JSON object a line (Vessel, Company, Person, Ownership, Directorship, UnknownLink, Sanction), valid against the FtM schemata; they import back through importFacts(format: FTM).',
    },
  },
});

@ArgsType()
export class ExportArgs extends WalkArgs {
  @Field(() => [ID], { description: 'The entities to start from (1 to 100).' })
  ids!: string[];

  @Field(() => Int, {
    defaultValue: 1,
    description: 'Hops around them, 0 to 3 (0: the entities and the ties among them).',
  })
  depth!: number;

  @Field(() => ExportFormat, { description: 'The file format: GRAPHML, GEXF, CSV, JSONL or FTM.' })
  format!: ExportFormat;

  @Field(() => Int, { defaultValue: 500, description: 'Most nodes, 1 to 2000; the nearest are kept.' })
  limit!: number;
}

export { ExportFormat };
