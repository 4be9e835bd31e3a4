/**
 * The JSON text of an answer (issue 14): Apollo Server writes every answer with `JSON.stringify`
 * (its `stringifyResult` option). For a query graphql-jit compiled, the shape of the answer is known
 * from the document, and graphql-jit can build a serializer for it (`customJSONSerializer`: a
 * fast-json-stringify function of the document's JSON schema) that writes the same text in about half
 * the time (≈ 3 → 2 ms for the bench's nested answer of 288 kB; docs/performance.md "Session nested9").
 *
 * The same text, byte for byte, is the rule; so the compiled serializer writes an answer only where it
 * cannot differ from `JSON.stringify`:
 * - the answer has data and neither errors nor extensions (those go to `JSON.stringify`: a field error
 *   leaves a null where the shape says non-null, and the extensions' shape is not the document's);
 * - the document is one the serializer describes exactly (`serializable` below): no directives (a
 *   skipped field moves where its key first appears), every leaf a built-in scalar or an enum (a custom
 *   scalar's value can be anything; graphql-jit refuses them), and where a field returns a union or an
 *   interface, the keys of every possible type in one order, each key the same shape in every type
 *   (graphql-jit merges the types' keys into one object schema: a type whose keys came in another order
 *   would be written in the merged order).
 * An answer is matched to its serializer by its `data` object, which Apollo hands on unchanged from the
 * executor to `stringifyResult` (a WeakMap: nothing outlives the answer).
 */
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLSchema,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  OperationDefinitionNode,
  OperationTypeNode,
  SelectionSetNode,
  visit,
  BREAK,
} from 'graphql';

type Stringify = (value: unknown) => string;

const serializers = new WeakMap<object, Stringify>();

/** Marks `data` (an executor's answer without errors) as written by `stringify`, the compiled serializer of its document. */
export function answeredWith(data: unknown, stringify: Stringify): void {
  if (data !== null && typeof data === 'object') serializers.set(data, stringify);
}

/** Apollo Server's `stringifyResult`: the compiled serializer where it applies (above), else `JSON.stringify`. */
export function stringifyResult(value: { data?: unknown; errors?: unknown; extensions?: unknown }): string {
  const stringify =
    value.errors === undefined && value.extensions === undefined && value.data != null
      ? serializers.get(value.data)
      : undefined;
  // Apollo's own: JSON.stringify(value) + '\n', where errors and extensions are undefined and so left out
  return stringify ? `${stringify({ data: value.data })}\n` : `${JSON.stringify(value)}\n`;
}

/** The response keys an object of `type` gets from these selections, in graphql-js's order, with their field nodes. */
function collect(
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const applies = (condition: string | undefined) => {
    if (!condition || condition === type.name) return true;
    const named = schema.getType(condition);
    return named != null && isAbstractType(named) && schema.isSubType(named, type);
  };
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        const known = fields.get(key);
        if (known) known.push(s);
        else fields.set(key, [s]);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (applies(s.typeCondition?.name.value)) walk(s.selectionSet);
      } else if (!visited.has(s.name.value)) {
        visited.add(s.name.value);
        const fragment = fragments[s.name.value];
        if (fragment && applies(fragment.typeCondition.name.value)) walk(fragment.selectionSet);
      }
    }
  };
  sets.forEach(walk);
  return fields;
}

/**
 * A description of the JSON an answer of `type` selected by `nodes` has (keys in order, each with its
 * shape), or null where the compiled serializer might write it otherwise than `JSON.stringify`.
 */
function shapeOf(
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  type: GraphQLOutputType,
  nodes: readonly FieldNode[],
): string | null {
  // non-null is part of the shape: graphql-jit's schema writes a non-null string's null as "" (a field
  // error leaves such nulls, and then the answer has errors: JSON.stringify), and the merge below must not mix them
  if (isNonNullType(type)) {
    const inner = shapeOf(schema, fragments, type.ofType, nodes);
    return inner === null ? null : `${inner}!`;
  }
  if (isListType(type)) {
    const item = shapeOf(schema, fragments, type.ofType, nodes);
    return item === null ? null : `[${item}]`;
  }
  if (isEnumType(type)) return 'string';
  if (isScalarType(type)) return isSpecifiedScalarType(type) ? type.name : null;
  const sets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  const objectShape = (object: GraphQLObjectType): [string, string][] | null => {
    const keys: [string, string][] = [];
    for (const [key, fieldNodes] of collect(schema, fragments, object, sets)) {
      const name = fieldNodes[0].name.value;
      if (name === '__typename') {
        keys.push([key, 'String']);
        continue;
      }
      const field = object.getFields()[name];
      const shape = field ? shapeOf(schema, fragments, field.type, fieldNodes) : null;
      if (shape === null) return null;
      keys.push([key, shape]);
    }
    return keys;
  };
  if (isObjectType(type)) {
    const keys = objectShape(type);
    return keys && `{${keys.map(([k, s]) => `${k}:${s}`).join(',')}}`;
  }
  if (!isAbstractType(type)) return null;
  // graphql-jit's schema of an abstract type: the keys of each possible type, merged in the order they come
  const merged = new Map<string, string>();
  const orders: string[][] = [];
  for (const object of schema.getPossibleTypes(type)) {
    const keys = objectShape(object);
    if (keys === null) return null;
    for (const [k, s] of keys) {
      const known = merged.get(k);
      if (known === undefined) merged.set(k, s);
      else if (known !== s) return null;
    }
    orders.push(keys.map(([k]) => k));
  }
  const position = new Map([...merged.keys()].map((k, i) => [k, i]));
  for (const order of orders)
    for (let i = 1; i < order.length; i++) if (position.get(order[i])! < position.get(order[i - 1])!) return null;
  return `{${[...merged].map(([k, s]) => `${k}:${s}`).join(',')}}`;
}

/** Whether graphql-jit's compiled serializer writes every answer to this query as `JSON.stringify` does (see above). */
export function serializable(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): boolean {
  let directives = false;
  visit(document, {
    Directive() {
      directives = true;
      return BREAK;
    },
  });
  if (directives) return false;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const root = schema.getQueryType();
  if (!root || operation.operation !== OperationTypeNode.QUERY) return false;
  const shape = shapeOf(schema, fragments, root, [
    { kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'data' }, selectionSet: operation.selectionSet },
  ]);
  return shape !== null;
}
