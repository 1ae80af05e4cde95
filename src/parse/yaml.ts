import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  visit,
  type Alias,
  type Document,
  type Node as YamlNode
} from 'yaml'
import type { Location, SourceText } from '../model/location.js'
import type { PropertyNode, StringNode, StringStyle, ValueNode } from '../model/tree.js'
import { MAX_DEPTH, type SyntaxProblem } from './syntax-problem.js'

export interface YamlParse {
  readonly root: ValueNode | undefined
  readonly problems: readonly SyntaxProblem[]
}

/**
 * Values built from one file, aliases expanded: far above a real config, far below a billion
 * laughs (each alias copies its anchor's whole subtree).
 */
const MAX_NODES = 200_000

class TooMuch extends Error {
  constructor(
    readonly kind: 'too-deep' | 'too-long',
    readonly detail: string,
    readonly location: Location
  ) {
    super(detail)
  }
}

/**
 * Parses one YAML document into the positioned tree JSON and TOML files use. Duplicate keys are
 * kept (config-duplicate-key reports them), aliases are followed with a cap, and parser messages
 * are reduced to their code, since some quote the input.
 */
export function parseYaml(source: SourceText): YamlParse {
  let document: Document.Parsed
  try {
    document = parseDocument(source.text, { uniqueKeys: false, prettyErrors: false })
  } catch (error) {
    if (error instanceof RangeError) return tooDeep(source, 0)
    throw error
  }
  const error = document.errors[0]
  if (error !== undefined) {
    const detail = error.code.toLowerCase().replaceAll('_', ' ')
    return {
      root: undefined,
      problems: [{ kind: 'syntax', detail, location: source.locate(error.pos[0], 1) }]
    }
  }
  if (document.contents === null)
    return {
      root: undefined,
      problems: [{ kind: 'empty', detail: 'the file is empty', location: source.locate(0, 0) }]
    }
  const budget: Budget = { nodes: 0, anchors: anchorsOf(document) }
  try {
    return { root: convert(source, document.contents, 1, budget), problems: [] }
  } catch (caught) {
    if (caught instanceof TooMuch)
      return {
        root: undefined,
        problems: [{ kind: caught.kind, detail: caught.detail, location: caught.location }]
      }
    if (caught instanceof RangeError) return tooDeep(source, 0)
    throw caught
  }
}

function tooDeep(source: SourceText, offset: number): YamlParse {
  return {
    root: undefined,
    problems: [
      {
        kind: 'too-deep',
        detail: `nesting deeper than ${MAX_DEPTH} levels`,
        location: source.locate(offset, 1)
      }
    ]
  }
}

function locate(source: SourceText, node: YamlNode): Location {
  const [start = 0, end = start] = node.range ?? []
  return source.locate(start, end - start)
}

interface Budget {
  nodes: number
  /** What each alias refers to: the last node with its anchor before it, found in one pass. */
  readonly anchors: ReadonlyMap<Alias, YamlNode>
}

function anchorsOf(document: Document.Parsed): Map<Alias, YamlNode> {
  const latest = new Map<string, YamlNode>()
  const resolved = new Map<Alias, YamlNode>()
  visit(document, (_key, node) => {
    if (isAlias(node)) {
      const target = latest.get(node.source)
      if (target !== undefined) resolved.set(node, target)
    } else if (isNode(node) && node.anchor !== undefined) latest.set(node.anchor, node)
  })
  return resolved
}

function convert(source: SourceText, node: YamlNode, depth: number, budget: Budget): ValueNode {
  const location = locate(source, node)
  if (depth > MAX_DEPTH)
    throw new TooMuch('too-deep', `nesting deeper than ${MAX_DEPTH} levels`, location)
  if (++budget.nodes > MAX_NODES)
    throw new TooMuch(
      'too-long',
      `more than ${MAX_NODES} values once aliases are expanded`,
      location
    )
  if (isAlias(node)) {
    const target = budget.anchors.get(node)
    if (target === undefined) return { kind: 'null', value: null, location }
    return convert(source, target, depth + 1, budget)
  }
  if (isMap(node)) {
    const properties: PropertyNode[] = []
    for (const pair of node.items) {
      if (!isPair(pair)) continue
      const key = keyNode(source, pair.key, location)
      const value = pair.value as YamlNode | null
      properties.push({
        key,
        value:
          value === null
            ? { kind: 'null', value: null, location: key.location }
            : convert(source, value, depth + 1, budget)
      })
    }
    return { kind: 'object', properties, location }
  }
  if (isSeq(node)) {
    const items = node.items.map((item) =>
      item === null || !isNode(item)
        ? ({ kind: 'null', value: null, location } as const)
        : convert(source, item, depth + 1, budget)
    )
    return { kind: 'array', items, location }
  }
  if (isScalar(node)) return scalar(node, location)
  return { kind: 'null', value: null, location }
}

function scalar(node: Scalar, location: Location): ValueNode {
  const value: unknown = node.value
  if (typeof value === 'string') return { kind: 'string', value, style: styleOf(node), location }
  if (typeof value === 'number') return { kind: 'number', value, location }
  if (typeof value === 'bigint') return { kind: 'number', value: Number(value), location }
  if (typeof value === 'boolean') return { kind: 'boolean', value, location }
  if (value === null || value === undefined) return { kind: 'null', value: null, location }
  // Another type (a custom tag): what the yaml library writes for it.
  return { kind: 'string', value: node.toString(), style: 'derived', location }
}

function styleOf(node: Scalar): StringStyle {
  switch (node.type) {
    case Scalar.PLAIN:
      return 'yaml-plain'
    case Scalar.QUOTE_SINGLE:
      return 'yaml-single'
    case Scalar.QUOTE_DOUBLE:
      return 'yaml-double'
    default:
      return 'derived'
  }
}

/** A mapping key as a string: a scalar's text, anything else (a complex key) as YAML writes it. */
function keyNode(source: SourceText, key: unknown, owner: Location): StringNode {
  if (isScalar(key)) {
    const location = locate(source, key)
    const value = key.value
    if (typeof value === 'string') return { kind: 'string', value, style: styleOf(key), location }
    return { kind: 'string', value: String(value), style: 'derived', location }
  }
  if (isNode(key))
    return { kind: 'string', value: String(key), style: 'derived', location: locate(source, key) }
  return { kind: 'string', value: '', style: 'derived', location: owner }
}
