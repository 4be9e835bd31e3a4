/** Example query tabs shown when the playground opens for the first time. */
export interface ExampleTab {
  query: string;
}

export const exampleTabs: ExampleTab[] = [
  {
    query: `# Find a port or ship by any of its names or aliases
query Search {
  search(text: "Nampo", first: 10) {
    edges {
      node {
        __typename
        id
        ... on Port {
          name
          aliases
          country { code name }
        }
        ... on Vessel { name imo }
        ... on Company { name }
      }
    }
  }
}
`,
  },
  {
    query: `# A vessel by IMO number, with its identity history, designations and sources
query VesselByImo {
  vessel(imo: "9114555") {
    id
    name
    imo
    flag { code name }
    identityHistory {
      name
      flag { code }
      status
      kind
      period { from to text }
    }
    designations { authority measure date { from to text } }
    sources { url publisher }
  }
}
`,
  },
  {
    query: `# Owners and managers of a vessel
query Owners {
  vessel(id: "vessel:xin-guang-hai") {
    name
    owners {
      role
      period { from to text }
      party {
        name
        country { name }
        designations { authority date { from } }
      }
      sources { url }
    }
    managers {
      type
      party { name designations { authority measure date { from } } }
    }
  }
}
`,
  },
  {
    query: `# Vessels filtered by flag and designation
query DesignatedDprkVessels {
  vessels(filter: { flag: "KP", designated: true }, first: 20) {
    totalCount
    edges { node { name imo } }
  }
}
`,
  },
  {
    query: `# Where did the coal loaded at Nampho go? Every route through transfers and transhipment ports.
query TraceFromNampho {
  traceCargo(origin: "Nampo", maxHops: 4, maxWaitDays: 60) {
    finalPort { name }
    finalCountry { name }
    confidence
    inferredLinks
    possibleLinks
    steps {
      kind
      leg { vessel { name } from { name } to { name } departure { text } arrival { text } tonnage { text } }
      transfer { fromVessel { name } toVessel { name } port { name } when { text } }
      link { kind certainty waitMinDays waitMaxDays }
    }
    tactics { code name }
    sources { url publisher }
  }
}
`,
  },
  {
    query: `# Destinations per country: routes, tonnage, vessels, first and last dates
query DestinationsFromNampho {
  destinations(origin: "Nampho", groupBy: COUNTRY) {
    country { name }
    routeCount
    tonnage { min max }
    firstDate
    lastDate
    vessels { name }
  }
}
`,
  },
  {
    query: `# Where did the coal landed at Pohang come from? (via Kholmsk, relabelled as Russian)
query TraceBackFromPohang {
  traceBack(destination: "Pohang") {
    origin { name }
    vessels { name }
    intermediaries { ports { name } }
    possibleLinks
  }
}
`,
  },
];
