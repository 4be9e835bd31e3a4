/**
 * Cypher text as sent: a statement built once from indented templates carries its indentation and
 * comments to Neo4j on every request. The driver copies a statement's text byte by byte into 1,400-byte
 * Bolt chunks, each handed to the socket on its own (`write`, which wakes Neo4j): the demo trace's start
 * statement (18.5 KB) took 14 writes a request (issue 14, docs/performance.md "Session demo10").
 */

/**
 * `cypher` with its `//` comments dropped and every run of whitespace made one space, string literals
 * ('…', "…", with their backslash escapes) and `…` names kept as they are: the same statement for
 * Neo4j. Meant for statements built once (module constants), not per request.
 */
export function compactCypher(cypher: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < cypher.length; i++) {
    const c = cypher[i];
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < cypher.length && cypher[j] !== c) j += cypher[j] === '\\' && c !== '`' ? 2 : 1;
      if (space && out !== '') out += ' ';
      space = false;
      out += cypher.slice(i, j + 1);
      i = j;
    } else if (c === '/' && cypher[i + 1] === '/') {
      while (i < cypher.length && cypher[i] !== '\n') i++;
      space = true;
    } else if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      space = true;
    } else {
      if (space && out !== '') out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}
