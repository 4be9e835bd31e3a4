/**
 * Every GraphQL document the explorer sends: the same public queries any front-end client would use.
 * Variables carry every user value; the export format is an enum literal picked from a fixed list.
 */

export const SEARCH_PORTS = /* GraphQL */ `
  query ExplorerSearch($text: String!) {
    search(text: $text, first: 15) {
      edges {
        matchedName
        node {
          __typename
          id
          ... on Port {
            name
            aliases
            kind
            country {
              code
              name
            }
          }
        }
      }
    }
  }
`;

// Ports appear many times in a trace: only what the drawing needs (the country as its code).
const PORT = `id name kind countryCode location { lat lon }`;
const RANGE = `from to text`;

export const TRACE = /* GraphQL */ `
  query ExplorerTrace(
    $origin: String!
    $window: DateWindowInput
    $maxHops: Int!
    $maxWaitDays: Int!
    $minConfidence: Float
    $destinationCountry: String
    $limit: Int!
  ) {
    traceCargo(
      origin: $origin
      window: $window
      maxHops: $maxHops
      maxWaitDays: $maxWaitDays
      minConfidence: $minConfidence
      destinationCountry: $destinationCountry
      limit: $limit
    ) {
      id confidence inferredLinks possibleLinks hops truncated
      departure { ${RANGE} } arrival { ${RANGE} }
      tonnage { min max }
      origin { ${PORT} }
      finalPort { ${PORT} }
      finalCountry { code name }
      tactics { code name }
      steps {
        index kind
        leg {
          id vessel { id name } vesselDescription fromText toText
          from { ${PORT} } to { ${PORT} }
          departure { ${RANGE} } arrival { ${RANGE} }
          tonnageMin tonnageMax confidence cargoOrigin legality cargoText
        }
        transfer {
          id kind confidence fromVesselDescription toVesselDescription
          fromVessel { id name } toVessel { id name }
          port { ${PORT} }
          when { ${RANGE} }
          tonnage { min max text }
        }
        link { kind certainty waitMinDays waitMaxDays placeUncertain }
      }
    }
  }
`;

/**
 * The countries a trace's cargo reaches, with their route counts: a request of its own beside TRACE
 * (one analytics field per operation, GRAPHQL_MAX_HEAVY_FIELDS), sent at the same time.
 */
export const DESTINATIONS = /* GraphQL */ `
  query ExplorerDestinations($origin: String!, $window: DateWindowInput, $maxHops: Int!, $maxWaitDays: Int!) {
    destinations(origin: $origin, window: $window, maxHops: $maxHops, maxWaitDays: $maxWaitDays, groupBy: COUNTRY) {
      key
      routeCount
      bestConfidence
      firstDate
      lastDate
      tonnage {
        min
        max
      }
      country {
        code
        name
      }
    }
  }
`;

/** Issue 4's link analysis: the entities around one, in the same node/edge shape as a route's graph. */
export const NEIGHBORHOOD = /* GraphQL */ `
  query ExplorerNeighborhood($id: ID!, $depth: Int, $minConfidence: Float, $limit: Int) {
    neighborhood(id: $id, depth: $depth, minConfidence: $minConfidence, limit: $limit) {
      nodes {
        id
        label
        name
      }
      edges {
        id
        type
        source
        target
        confidence
        sources {
          url
        }
      }
      truncated
    }
  }
`;

export const EXPORT_FORMATS = ['GRAPHML', 'GEXF', 'CSV'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One document per export format: the format is an enum literal in the text, never user input. */
export const EXPORT_QUERIES = Object.fromEntries(
  EXPORT_FORMATS.map((format) => [
    format,
    /* GraphQL */ `
    query ExplorerExport($ids: [ID!]!, $depth: Int) {
      exportSubgraph(ids: $ids, depth: $depth, format: ${format})
    }
  `,
  ]),
) as Record<ExportFormat, string>;

export function exportQuery(format: ExportFormat): string {
  if (!EXPORT_FORMATS.includes(format)) throw new Error(`unknown export format ${String(format)}`);
  return EXPORT_QUERIES[format];
}

// ---------------------------------------------------------------------------------------------------
// Details of any entity, by the kind its id names. One fragment per type (their fields clash across
// types, e.g. `kind` and `status` are different enums), composed into one request per click.

const EVIDENCE = `confidence confidenceTier evidenceNote sources { id url publisher title date }`;

export const DETAIL_FRAGMENTS: Record<string, string> = {
  Vessel: `fragment VesselDetails on Vessel {
    name otherNames imo mmsi callSign vesselType buildYear status flagText description
    flag { code name }
    deadweight { text }
    identityHistory { name imo flagText status kind period { text } }
    designations { authority measure status date { text } reference }
    parties { type role period { text } party { id name } }
    ${EVIDENCE}
  }`,
  Port: `fragment PortDetails on Port {
    name aliases kind locode role location { lat lon } country { code name }
    ${EVIDENCE}
  }`,
  Leg: `fragment LegDetails on Leg {
    fromText toText cargoText vesselDescription cargoOrigin declaredOrigin legality discharged tacticsText
    departure { text } arrival { text } tonnage { text }
    vessel { id name }
    tactics { tactic { code name } note }
    ${EVIDENCE}
  }`,
  Transfer: `fragment TransferDetails on Transfer {
    kind fromVesselDescription toVesselDescription
    when { text } tonnage { text }
    fromVessel { id name } toVessel { id name } port { id name }
    tactics { tactic { code name } note }
    ${EVIDENCE}
  }`,
  Company: `fragment CompanyDetails on Company {
    name aliases countryText role address imoCompanyNumber
    designations { authority measure status date { text } }
    holdings { type role period { text } target { __typename id ... on Vessel { name } ... on Company { name } ... on Person { name } } }
    ${EVIDENCE}
  }`,
  Person: `fragment PersonDetails on Person {
    name aliases countryText role
    designations { authority measure status date { text } }
    holdings { type role period { text } target { __typename id ... on Vessel { name } ... on Company { name } ... on Person { name } } }
    ${EVIDENCE}
  }`,
  Designation: `fragment DesignationDetails on Designation {
    authority measure status reference date { text }
    target { __typename id }
    ${EVIDENCE}
  }`,
  IdentityClaim: `fragment IdentityClaimDetails on IdentityClaim {
    name imo mmsi callSign flagText status kind period { text }
    ${EVIDENCE}
  }`,
  Tactic: `fragment TacticDetails on Tactic { code name description }`,
  Country: `fragment CountryDetails on Country { code name }`,
  Source: `fragment SourceDetails on Source { url publisher title date kind tier }`,
};

export const KIND_OF_PREFIX: Record<string, string> = {
  vessel: 'Vessel',
  port: 'Port',
  leg: 'Leg',
  transfer: 'Transfer',
  company: 'Company',
  person: 'Person',
  designation: 'Designation',
  identity: 'IdentityClaim',
  tactic: 'Tactic',
  country: 'Country',
  source: 'Source',
};

export function kindOfId(id: string): string | null {
  return KIND_OF_PREFIX[id.slice(0, id.indexOf(':'))] ?? null;
}

/** One request for the details of several entities: `e0: node(id: $id0) { …VesselDetails }`, … */
export function detailsQuery(ids: string[]): { query: string; variables: Record<string, string> } {
  const kinds = ids.map(kindOfId);
  const used = [...new Set(kinds.filter((k): k is string => k != null))];
  const vars = ids.map((_, i) => `$id${i}: ID!`).join(', ');
  const fields = ids
    .map((_, i) => {
      const k = kinds[i];
      return `e${i}: node(id: $id${i}) { __typename id ${k ? `...${k}Details` : ''} }`;
    })
    .join('\n');
  return {
    query: `query ExplorerDetails(${vars}) {\n${fields}\n}\n${used.map((k) => DETAIL_FRAGMENTS[k]).join('\n')}`,
    variables: Object.fromEntries(ids.map((id, i) => [`id${i}`, id])),
  };
}
