import { ConfigError, loadConfig } from '../../src/config';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4000);
    expect(c.neo4j.uri).toBeNull();
    expect(c.localNeo4j.boltPort).toBe(7687);
    expect(c.seedOnStart).toBe(true);
  });

  it.each([
    ['PORT', 'eighty', /PORT: must be a whole number/],
    ['PORT', '70000', /PORT: must be between/],
    ['NEO4J_URI', 'http://localhost:7474', /NEO4J_URI: must be a bolt:\/\/ or neo4j:\/\//],
    ['SEED_ON_START', 'maybe', /SEED_ON_START: must be true or false/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL: must be one of/],
    ['NEO4J_HEAP', 'lots', /NEO4J_HEAP: must be a size/],
  ])('rejects %s=%s with a message naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('accepts routing and TLS Neo4j addresses', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io' }).neo4j.uri).toBe(
      'neo4j+s://abc.databases.neo4j.io',
    );
  });
});

describe('CORS origins', () => {
  it('is empty by default (same origin only) and accepts a list of bare origins', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.org, http://localhost:5173' }).corsOrigins).toEqual([
      'https://a.example.org',
      'http://localhost:5173',
    ]);
  });

  it.each(['*', 'a.example.org', 'https://a.example.org/path', 'ftp://a.example.org'])('rejects %s', (value) => {
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS/);
  });
});
