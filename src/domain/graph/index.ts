/**
 * The stored graph's one description: labels, relationship types, each label's properties with their
 * Cypher types, and the vocabularies the store spells. Pure data (no Cypher, no I/O), in `domain` so
 * that every writer and reader may use it: db, import, seed and the synthetic generator.
 */
export * from './nodes';
export * from './relationships';
export * from './vocabulary';
