/** The database the integration suite runs against: Neo4j 5.26 with APOC core and open GDS loaded. */
import neo4j, { type Driver } from 'neo4j-driver';

const uri = process.env.NEO4J_TEST_URI_RESOLVED ?? process.env.NEO4J_TEST_URI;
const user = process.env.NEO4J_TEST_USER ?? process.env.NEO4J_USER;
const password = process.env.NEO4J_TEST_PASSWORD ?? process.env.NEO4J_PASSWORD;

describe('local Neo4j runtime', () => {
  let driver: Driver;

  beforeAll(() => {
    if (!uri) throw new Error('NEO4J_TEST_URI_RESOLVED is not set: run with the integration global setup');
    driver = neo4j.driver(uri, user && password ? neo4j.auth.basic(user, password) : undefined);
  });
  afterAll(async () => {
    await driver?.close();
  });

  async function single(cypher: string): Promise<Record<string, unknown>> {
    const { records } = await driver.executeQuery(cypher);
    expect(records.length).toBeGreaterThan(0);
    return records[0].toObject();
  }

  it('answers a query over Bolt', async () => {
    const row = await single('RETURN 1 AS one');
    expect(neo4j.integer.toNumber(row.one as number)).toBe(1);
  });

  it('is Neo4j 5.26', async () => {
    const row = await single('CALL dbms.components() YIELD name, versions RETURN name, versions');
    expect(row.name).toBe('Neo4j Kernel');
    expect((row.versions as string[])[0]).toMatch(/^5\.26\./);
  });

  it('has APOC core loaded', async () => {
    const row = await single('RETURN apoc.version() AS version');
    expect(row.version).toMatch(/^5\.26\./);
  });

  it('has the open GDS procedures loaded, including .write', async () => {
    const row = await single('CALL gds.version() YIELD gdsVersion RETURN gdsVersion');
    expect(row.gdsVersion).toMatch(/^2\.13\./);
    const { records } = await driver.executeQuery(
      "SHOW PROCEDURES YIELD name WHERE name IN ['gds.pageRank.write', 'gds.graph.project'] RETURN name",
    );
    expect(records.map((r) => r.get('name')).sort()).toEqual(['gds.graph.project', 'gds.pageRank.write']);
  });
});
