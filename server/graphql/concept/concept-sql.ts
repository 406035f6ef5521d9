/**
 * A `concept(slug:)` query compiled into one SQL statement that builds the whole answer as JSON in
 * PostgreSQL (json_build_object and json_agg, as PostGraphile and Hasura do): one prepared
 * statement, one round trip, and no resolver, DataLoader or row mapping in between. This is what
 * the concept page asks for on every visit.
 *
 * Only selections whose every field this file knows how to build are compiled; anything else (an
 * argument, a directive, a field such as `mentions` or `Kind.count`, a second root field) returns
 * null and the query runs through the resolvers as before. Each field is built with the same
 * meaning its resolver has (relation-resolvers.ts, concept-resolvers.ts, loaders.ts): the same
 * rows, the same order, the same enum values; test/api/compiled-concept.test.ts compares the two
 * answers for every concept.
 *
 * PostgreSQL's `json` (not `jsonb`) keeps keys in the order written, which is the selection's
 * order, as GraphQL requires. Response keys are GraphQL names ([_A-Za-z][_0-9A-Za-z]*), so they
 * are written into the SQL text as they are; the slug is the statement's only parameter.
 */
import { getOperationAST, Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";

export interface ConceptPlan {
  /** SQL with one parameter ($1, the slug) and one text column, `v`: the concept as JSON, or no row. */
  text: string;
  /** Where the slug comes from: a variable's name or the literal written in the query. */
  slug: { variable: string } | { literal: string };
  /** The answer's JSON around the concept's (null when no row). */
  render: (concept: string | null) => string;
}

type Fields = Map<string, FieldNode[]>;

/** Thrown inside the compiler for anything it does not build; caught in compileConceptQuery. */
class Unsupported extends Error {}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** The fields of a selection set by response key, fragments on the same type inlined; in first-seen order. */
function collect(selectionSet: SelectionSetNode, typeName: string, fragments: Map<string, FragmentDefinitionNode>, into: Fields = new Map(), depth = 0): Fields {
  if (depth > 20) throw new Unsupported();
  for (const selection of selectionSet.selections) {
    if (selection.directives?.length) throw new Unsupported();
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      if (!GRAPHQL_NAME.test(key)) throw new Unsupported();
      const same = into.get(key);
      if (same) same.push(selection);
      else into.set(key, [selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (selection.typeCondition && selection.typeCondition.name.value !== typeName) throw new Unsupported();
      collect(selection.selectionSet, typeName, fragments, into, depth + 1);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || fragment.typeCondition.name.value !== typeName) throw new Unsupported();
      collect(fragment.selectionSet, typeName, fragments, into, depth + 1);
    }
  }
  return into;
}

/** The one field a response key stands for (validation guarantees its copies ask the same), with their sub-selections merged. */
function subFields(nodes: FieldNode[], typeName: string, fragments: Map<string, FragmentDefinitionNode>): Fields {
  const into: Fields = new Map();
  for (const node of nodes) {
    if (!node.selectionSet) throw new Unsupported();
    collect(node.selectionSet, typeName, fragments, into);
  }
  return into;
}

const noArguments = (nodes: FieldNode[]) => nodes.every((node) => !node.arguments?.length);

class Compiler {
  private aliases = 0;
  constructor(private readonly fragments: Map<string, FragmentDefinitionNode>) {}

  private alias(prefix: string): string {
    return `${prefix}${this.aliases++}`;
  }

  /** json_build_object over the selected fields; `column(name, nodes)` builds each value. */
  private object(fields: Fields, typeName: string, column: (name: string, nodes: FieldNode[]) => string): string {
    // json_build_object takes at most 100 arguments.
    if (fields.size > 50) throw new Unsupported();
    const pairs: string[] = [];
    for (const [key, nodes] of fields) {
      const first = nodes[0] as FieldNode;
      const name = first.name.value;
      pairs.push(`'${key}', ${name === "__typename" ? `'${typeName}'` : column(name, nodes)}`);
    }
    return `json_build_object(${pairs.join(", ")})`;
  }

  private scalar(nodes: FieldNode[], expression: string): string {
    if (!noArguments(nodes) || nodes.some((node) => node.selectionSet)) throw new Unsupported();
    return expression;
  }

  /** A Concept from the row under alias `a`. */
  concept(fields: Fields, a: string): string {
    return this.object(fields, "Concept", (name, nodes) => {
      switch (name) {
        case "id":
          return this.scalar(nodes, `${a}.id::text`);
        case "slug":
        case "name":
        case "kind":
        case "summary":
        case "description":
        case "aliases":
          return this.scalar(nodes, `${a}.${name}`);
        case "kindInfo": {
          if (!noArguments(nodes)) throw new Unsupported();
          const k = this.alias("k");
          const kind = this.object(subFields(nodes, "Kind", this.fragments), "Kind", (field, inner) => {
            if (field === "slug" || field === "label" || field === "plural") return this.scalar(inner, `${k}.${field}`);
            throw new Unsupported(); // count comes from the vocabulary cache
          });
          return `(select ${kind} from kinds ${k} where ${k}.slug = ${a}.kind)`;
        }
        case "relations": {
          // The resolver filters by type and direction: not compiled.
          if (!noArguments(nodes)) throw new Unsupported();
          const r = this.alias("r");
          const t = this.alias("t");
          const relation = this.relation(subFields(nodes, "Relation", this.fragments), r, t);
          // loaders.relationsByConcept: either end, by relation type position then id.
          return `coalesce((select json_agg(${relation} order by ${t}.position, ${r}.id) from relations ${r} join relation_types ${t} on ${t}.slug = ${r}.type where ${r}.source_id = ${a}.id or ${r}.target_id = ${a}.id), '[]')`;
        }
        case "claims": {
          if (!noArguments(nodes)) throw new Unsupported();
          const c = this.alias("cl");
          const claim = this.claim(subFields(nodes, "Claim", this.fragments), c);
          return `coalesce((select json_agg(${claim} order by ${c}.position) from claims ${c} where ${c}.concept_id = ${a}.id), '[]')`;
        }
        case "citations":
          return this.citations(nodes, "concept_id", `${a}.id`);
        default:
          throw new Unsupported();
      }
    });
  }

  /** A concept by id, as a sub-select (a relation's end, a claim's concept). */
  private conceptById(nodes: FieldNode[], id: string): string {
    if (!noArguments(nodes)) throw new Unsupported();
    const a = this.alias("c");
    return `(select ${this.concept(subFields(nodes, "Concept", this.fragments), a)} from concepts ${a} where ${a}.id = ${id})`;
  }

  private relation(fields: Fields, r: string, t: string): string {
    return this.object(fields, "Relation", (name, nodes) => {
      switch (name) {
        case "id":
          return this.scalar(nodes, `${r}.id::text`);
        case "type":
        case "outdated":
          return this.scalar(nodes, `${r}.${name}`);
        case "label":
          return this.scalar(nodes, `${t}.label`);
        case "inverseLabel":
          return this.scalar(nodes, `${t}.inverse_label`);
        case "source":
          return this.conceptById(nodes, `${r}.source_id`);
        case "target":
          return this.conceptById(nodes, `${r}.target_id`);
        case "citations":
          return this.citations(nodes, "relation_id", `${r}.id`);
        default:
          throw new Unsupported();
      }
    });
  }

  private claim(fields: Fields, c: string): string {
    return this.object(fields, "Claim", (name, nodes) => {
      switch (name) {
        case "id":
          return this.scalar(nodes, `${c}.key`);
        case "statement":
        case "value":
        case "outdated":
          return this.scalar(nodes, `${c}.${name}`);
        case "polarity":
          // The enum's values are the stored polarities in capitals (relation-resolvers.ts).
          return this.scalar(nodes, `upper(${c}.polarity::text)`);
        case "aspect": {
          if (!noArguments(nodes)) throw new Unsupported();
          const s = this.alias("asp");
          const aspect = this.object(subFields(nodes, "Aspect", this.fragments), "Aspect", (field, inner) => {
            if (field === "slug" || field === "label") return this.scalar(inner, `${s}.${field}`);
            throw new Unsupported();
          });
          return `(select ${aspect} from aspects ${s} where ${s}.slug = ${c}.aspect)`;
        }
        case "concept":
          return this.conceptById(nodes, `${c}.concept_id`);
        case "citations":
          return this.citations(nodes, "claim_id", `${c}.id`);
        default:
          throw new Unsupported();
      }
    });
  }

  /** The citations of a concept, relation or claim (loaders.citationsOf: by position, then id; passage by source and locator). */
  private citations(field: FieldNode[], column: "concept_id" | "relation_id" | "claim_id", id: string): string {
    if (!noArguments(field)) throw new Unsupported();
    const ci = this.alias("ci");
    const citation = this.object(subFields(field, "Citation", this.fragments), "Citation", (name, nodes) => {
      switch (name) {
        case "locator":
          return this.scalar(nodes, `${ci}.locator`);
        case "passage": {
          const p = this.alias("p");
          return this.scalar(nodes, `(select ${p}.text from passages ${p} where ${p}.source_id = ${ci}.source_id and ${p}.locator = ${ci}.locator)`);
        }
        case "source": {
          if (!noArguments(nodes)) throw new Unsupported();
          const so = this.alias("so");
          const source = this.object(subFields(nodes, "Source", this.fragments), "Source", (field, inner) => {
            if (["id", "title", "publisher", "author", "address", "published"].includes(field)) return this.scalar(inner, `${so}.${field}`);
            throw new Unsupported();
          });
          return `(select ${source} from sources ${so} where ${so}.id = ${ci}.source_id)`;
        }
        default:
          throw new Unsupported();
      }
    });
    return `coalesce((select json_agg(${citation} order by ${ci}.position, ${ci}.id) from citations ${ci} where ${ci}.${column} = ${id}), '[]')`;
  }
}

/** The plan for an operation that is `concept(slug:)` (and perhaps `__typename`) alone, or null. */
export function compileConceptQuery(document: DocumentNode, operationName: string | null | undefined): ConceptPlan | null {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== "query") return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  try {
    const root = collect(operation.selectionSet, "Query", fragments);
    const concepts = [...root].filter(([, nodes]) => (nodes[0] as FieldNode).name.value !== "__typename");
    if (concepts.length !== 1) return null;
    const [key, nodes] = concepts[0] as [string, FieldNode[]];
    const first = nodes[0] as FieldNode;
    if (first.name.value !== "concept" || first.arguments?.length !== 1) return null;
    const argument = first.arguments[0];
    if (argument?.name.value !== "slug") return null;
    const slug =
      argument.value.kind === Kind.VARIABLE ? { variable: argument.value.name.value } : argument.value.kind === Kind.STRING ? { literal: argument.value.value } : null;
    if (!slug) return null;
    const a = "c";
    const text = `select ${new Compiler(fragments).concept(subFields(nodes, "Concept", fragments), a)}::text as v from concepts ${a} where ${a}.slug = $1`;
    const order = [...root.keys()];
    return {
      text,
      slug,
      render: (concept) => `{"data":{${order.map((k) => (k === key ? `"${k}":${concept ?? "null"}` : `"${k}":"Query"`)).join(",")}}}`,
    };
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}
