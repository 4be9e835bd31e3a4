/** Subgraph export formats (domain/subgraphExport.ts), read back with the parsers Gephi-compatible tools use. */
import Graph from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { parse as parseGexf } from 'graphology-gexf';
import { DOMParser } from '@xmldom/xmldom';
import {
  ExportFormat,
  ExportGraph,
  exportSubgraph,
  toCsv,
  toGexf,
  toGraphml,
  xmlSafe,
} from '../../../src/domain/subgraphExport';

const graph: ExportGraph = {
  nodes: [
    {
      id: 'vessel:xin-guang-hai',
      label: 'Vessel',
      name: 'Xin Guang Hai',
      props: {
        id: 'vessel:xin-guang-hai',
        name: 'Xin Guang Hai',
        imo: '9004700',
        buildYear: 1989,
        confidence: 0.75,
        status: 'IMPLICATED',
        otherNames: ['Xin Guang', 'XGH'],
        deadweightJson: '[{"min":7067}]',
        sourceIds: ['source:a', 'source:b'],
        description: 'Owner "Ascending" <UK> & manager\u0001 Weihai',
      },
    },
    {
      id: 'company:ascending-enterprise',
      label: 'Company',
      name: '=HYPERLINK("http://x")',
      props: {
        id: 'company:ascending-enterprise',
        countryCode: 'GB',
        confidence: 1,
        buildYear: 'n/a',
        sourceIds: ['source:c'],
      },
    },
    { id: 'person:x', label: 'Person', name: 'Comma, Quote "Q"', props: { aliases: [] } },
  ],
  edges: [
    {
      id: 'rel:owns:ascending-enterprise:xin-guang-hai',
      type: 'OWNS',
      source: 'company:ascending-enterprise',
      target: 'vessel:xin-guang-hai',
      confidence: 0.75,
      period: { from: '2017-01-01', to: null },
      sourceIds: ['source:c'],
    },
    {
      id: 'x:1',
      type: 'ASSOCIATED_WITH',
      source: 'person:x',
      target: 'company:ascending-enterprise',
      confidence: null,
      period: null,
      sourceIds: [],
    },
  ],
};

function wellFormed(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== 'warning') errors.push(msg);
    },
  } as never).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  return doc;
}

describe('GraphML', () => {
  const xml = toGraphml(graph);

  it('is well-formed XML in the GraphML namespace, edges directed', () => {
    const doc = wellFormed(xml);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(doc.documentElement.getAttribute('xmlns')).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(doc.getElementsByTagName('graph')[0].getAttribute('edgedefault')).toBe('directed');
  });

  it('declares every attribute as a key with its type', () => {
    const doc = wellFormed(xml);
    const keys = Array.from(doc.getElementsByTagName('key')).map(
      (k) => `${k.getAttribute('for')}:${k.getAttribute('attr.name')}:${k.getAttribute('attr.type')}`,
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        'node:label:string',
        'node:kind:string',
        'node:confidence:double',
        'node:imo:string',
        'node:buildYear:string', // a number on one node, text on another
        'node:sources:string',
        'edge:type:string',
        'edge:confidence:double',
        'edge:periodFrom:string',
      ]),
    );
    expect(keys.some((k) => k.includes('deadweightJson'))).toBe(false);
    for (const d of Array.from(doc.getElementsByTagName('data'))) {
      expect(
        Array.from(doc.getElementsByTagName('key')).some((k) => k.getAttribute('id') === d.getAttribute('key')),
      ).toBe(true);
    }
  });

  it('reads back with graphology-graphml: every node, edge and attribute, text escaped and control characters removed', () => {
    const g = parseGraphml(Graph, xml);
    expect(g.order).toBe(3);
    expect(g.size).toBe(2);
    expect(g.getNodeAttributes('vessel:xin-guang-hai')).toMatchObject({
      label: 'Xin Guang Hai',
      kind: 'Vessel',
      confidence: 0.75,
      imo: '9004700',
      otherNames: 'Xin Guang | XGH',
      sources: 'source:a source:b',
      description: 'Owner "Ascending" <UK> & manager Weihai',
    });
    const [edge] = g.edges('company:ascending-enterprise', 'vessel:xin-guang-hai');
    expect(g.getEdgeAttributes(edge)).toMatchObject({
      type: 'OWNS',
      confidence: 0.75,
      periodFrom: '2017-01-01',
      sources: 'source:c',
    });
  });
});

describe('GEXF', () => {
  const xml = toGexf(graph);

  it('is well-formed GEXF 1.3', () => {
    wellFormed(xml);
    expect(xml).toContain('xmlns="http://gexf.net/1.3"');
    expect(xml).toContain('defaultedgetype="directed"');
  });

  it('reads back with graphology-gexf: labels, typed attributes, edge labels and weights', () => {
    const g = parseGexf(Graph, xml);
    expect(g.order).toBe(3);
    expect(g.size).toBe(2);
    expect(g.getNodeAttributes('vessel:xin-guang-hai')).toMatchObject({
      label: 'Xin Guang Hai',
      kind: 'Vessel',
      confidence: 0.75,
      description: 'Owner "Ascending" <UK> & manager Weihai',
    });
    expect(g.getEdgeAttributes('rel:owns:ascending-enterprise:xin-guang-hai')).toMatchObject({
      label: 'OWNS',
      weight: 0.75,
      confidence: 0.75,
    });
    expect(g.getEdgeAttributes('x:1')).toMatchObject({ label: 'ASSOCIATED_WITH', weight: 1 });
  });
});

describe('CSV', () => {
  const csv = toCsv(graph);
  const [nodesPart, edgesPart] = csv.split('\n# edges\n');

  it('has a nodes table and an edges table with Gephi column names', () => {
    expect(nodesPart.startsWith('# nodes\nId,Label,kind,confidence,sources,')).toBe(true);
    expect(edgesPart.startsWith('Source,Target,Type,Id,Label,periodFrom,periodTo,confidence,sources\n')).toBe(true);
    expect(edgesPart).toContain(
      'company:ascending-enterprise,vessel:xin-guang-hai,Directed,rel:owns:ascending-enterprise:xin-guang-hai,OWNS,2017-01-01,,0.75,source:c',
    );
    expect(edgesPart.trim().split('\n')).toHaveLength(3);
    expect(nodesPart.trim().split('\n')).toHaveLength(1 + 1 + 3);
  });

  it('quotes commas and quotes, and defuses cells a spreadsheet would run as formulas', () => {
    expect(nodesPart).toContain('"Comma, Quote ""Q"""');
    expect(nodesPart).toContain(`company:ascending-enterprise,"'=HYPERLINK(""http://x"")",Company`);
  });
});

describe('formats', () => {
  it('dispatches on the format', () => {
    expect(exportSubgraph(graph, ExportFormat.GRAPHML)).toBe(toGraphml(graph));
    expect(exportSubgraph(graph, ExportFormat.GEXF)).toBe(toGexf(graph));
    expect(exportSubgraph(graph, ExportFormat.CSV)).toBe(toCsv(graph));
  });

  it('keeps emoji and other astral characters, drops lone surrogates', () => {
    expect(xmlSafe('ship 🚢 \uD800x')).toBe('ship 🚢 x');
  });

  it('writes an empty graph', () => {
    const empty = { nodes: [], edges: [] };
    expect(parseGraphml(Graph, toGraphml(empty)).order).toBe(0);
    expect(parseGexf(Graph, toGexf(empty)).order).toBe(0);
    expect(toCsv(empty)).toBe(
      '# nodes\nId,Label,kind,confidence,sources\n\n# edges\nSource,Target,Type,Id,Label,periodFrom,periodTo,confidence,sources\n',
    );
  });
});
