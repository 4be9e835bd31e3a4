/** Subgraphs written as files for Gephi, i2 or a spreadsheet. */
import { registerEnumType } from 'type-graphql';
import { ExportFormat } from '../domain/subgraphExport';

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

export { ExportFormat };
