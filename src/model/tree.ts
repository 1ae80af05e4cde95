import type { Location } from './location.js'

/**
 * How a string was written in the source. Sub-ranges inside a string (an env reference in an arg,
 * say) can only be located when the escapes of its style are known.
 */
export type StringStyle =
  | 'json'
  | 'toml-bare'
  | 'toml-basic'
  | 'toml-literal'
  | 'toml-multiline-basic'
  | 'toml-multiline-literal'
  /** YAML flow scalars; block scalars (`|`, `>`) are `derived`, as folding moves text. */
  | 'yaml-plain'
  | 'yaml-single'
  | 'yaml-double'
  /** Made by the platform from other text (a number, a word of a command line): not in the source as is. */
  | 'derived'

export interface StringNode {
  readonly kind: 'string'
  readonly value: string
  readonly style: StringStyle
  readonly location: Location
}
export interface NumberNode {
  readonly kind: 'number'
  readonly value: number
  readonly location: Location
}
export interface BooleanNode {
  readonly kind: 'boolean'
  readonly value: boolean
  readonly location: Location
}
export interface NullNode {
  readonly kind: 'null'
  readonly value: null
  readonly location: Location
}
/** TOML dates and times, kept as their source text. */
export interface DateTimeNode {
  readonly kind: 'datetime'
  readonly value: string
  readonly location: Location
}
export interface ArrayNode {
  readonly kind: 'array'
  readonly items: readonly ValueNode[]
  readonly location: Location
}
/** Properties stay in source order, duplicates included: rules need to see both copies of a key. */
export interface ObjectNode {
  readonly kind: 'object'
  readonly properties: readonly PropertyNode[]
  readonly location: Location
}
export interface PropertyNode {
  readonly key: StringNode
  readonly value: ValueNode
}

export type ScalarNode = StringNode | NumberNode | BooleanNode | NullNode | DateTimeNode
export type ValueNode = ScalarNode | ArrayNode | ObjectNode

/** The property a platform would use: the last one with that key, as `JSON.parse` keeps it. */
export function findProperty(object: ObjectNode, key: string): PropertyNode | undefined {
  for (let index = object.properties.length - 1; index >= 0; index--) {
    const property = object.properties[index]
    if (property?.key.value === key) return property
  }
  return undefined
}

/** The effective properties of an object: one per key, the last one winning, in the order of those last ones. */
export function effectiveProperties(object: ObjectNode): PropertyNode[] {
  return [...effectiveFields(object).values()]
}

/** The effective properties by key, in the order of effectiveProperties. */
export function effectiveFields(object: ObjectNode): Map<string, PropertyNode> {
  const byKey = new Map<string, PropertyNode>()
  for (const property of object.properties) {
    byKey.delete(property.key.value)
    byKey.set(property.key.value, property)
  }
  return byKey
}

/** Follows JSON-pointer segments (already unescaped) through the effective tree. */
export function resolvePath(root: ValueNode, segments: readonly string[]): ValueNode | undefined {
  let node: ValueNode | undefined = root
  for (const segment of segments) {
    if (node === undefined) return undefined
    if (node.kind === 'object') node = findProperty(node, segment)?.value
    else if (node.kind === 'array') node = node.items[Number(segment)]
    else return undefined
  }
  return node
}

export type PlainValue = string | number | boolean | null | PlainValue[] | PlainObject
export interface PlainObject {
  [key: string]: PlainValue
}

/**
 * The prototype of every plain object: an empty object with no prototype of its own. A missing key
 * reads as undefined and a `__proto__` key is an ordinary property, as with Object.create(null),
 * but V8 keeps these objects in fast mode, where Object.create(null) makes each one a hash table
 * that every read of it looks up.
 */
const plainPrototype: object = Object.freeze(Object.create(null) as object)

/** A new, empty plain object (see plainPrototype). */
export function plainObject(): PlainObject {
  return Object.create(plainPrototype) as PlainObject
}

/**
 * The value a platform would load. Objects have no Object.prototype, so a `__proto__` key stays an
 * ordinary property instead of replacing the prototype. `reuse` answers for a subtree whose value
 * is already at hand (a server entry's, kept on the entry), so it is not copied again.
 */
export function toPlain(
  node: ValueNode,
  reuse?: (node: ValueNode) => PlainValue | undefined
): PlainValue {
  const reused = reuse?.(node)
  if (reused !== undefined) return reused
  switch (node.kind) {
    case 'object': {
      const object = plainObject()
      for (const property of node.properties)
        object[property.key.value] = toPlain(property.value, reuse)
      return object
    }
    case 'array':
      return node.items.map((item) => toPlain(item, reuse))
    default:
      return node.value
  }
}

/**
 * Visits every string value under a node with its path of keys and indexes. The path is the walk's
 * own, changing as it goes: read it during the call, copy it to keep it (one array per walk, not
 * one per value, as most visits never look at it).
 */
export function forEachString(
  node: ValueNode,
  visit: (node: StringNode, path: readonly (string | number)[]) => void
): void {
  walkStrings(node, visit, [])
}

function walkStrings(
  node: ValueNode,
  visit: (node: StringNode, path: readonly (string | number)[]) => void,
  path: (string | number)[]
): void {
  if (node.kind === 'string') visit(node, path)
  else if (node.kind === 'array')
    node.items.forEach((item, index) => {
      if (item.kind !== 'string' && !isContainer(item)) return
      path.push(index)
      walkStrings(item, visit, path)
      path.pop()
    })
  else if (node.kind === 'object')
    for (const { key, value } of node.properties) {
      if (value.kind !== 'string' && !isContainer(value)) continue
      path.push(key.value)
      walkStrings(value, visit, path)
      path.pop()
    }
}

/** Objects and arrays: the nodes a walk goes into. Scalars need no path of their own. */
function isContainer(node: ValueNode): node is ObjectNode | ArrayNode {
  return node.kind === 'object' || node.kind === 'array'
}

/** The human name of a node's JSON type, for messages. */
export function describeKind(node: ValueNode): string {
  return node.kind === 'datetime' ? 'date' : node.kind
}

/**
 * Visits every object under a node, the node included, with its path of keys and indexes: the
 * walk's own, as in forEachString (read it during the call, copy it to keep it).
 */
export function forEachObject(
  node: ValueNode,
  visit: (object: ObjectNode, path: readonly string[]) => void
): void {
  walkObjects(node, visit, [])
}

function walkObjects(
  node: ValueNode,
  visit: (object: ObjectNode, path: readonly string[]) => void,
  path: string[]
): void {
  if (node.kind === 'array')
    node.items.forEach((item, index) => {
      if (!isContainer(item)) return
      path.push(String(index))
      walkObjects(item, visit, path)
      path.pop()
    })
  else if (node.kind === 'object') {
    visit(node, path)
    for (const { key, value } of node.properties) {
      if (!isContainer(value)) continue
      path.push(key.value)
      walkObjects(value, visit, path)
      path.pop()
    }
  }
}

/** Whether two of an object's properties have one key; without allocating for the usual few keys. */
export function hasDuplicateKeys(object: ObjectNode): boolean {
  const properties = object.properties
  if (properties.length > 8)
    return new Set(properties.map((property) => property.key.value)).size < properties.length
  for (let index = 1; index < properties.length; index++)
    for (let other = 0; other < index; other++)
      if (properties[index]?.key.value === properties[other]?.key.value) return true
  return false
}

/** A path for messages: `env.API_KEY`, `args[1]`. */
export function formatPath(root: ValueNode, segments: readonly string[]): string {
  let text = ''
  let node: ValueNode | undefined = root
  for (const segment of segments) {
    if (node?.kind === 'array') {
      text += `[${segment}]`
      node = node.items[Number(segment)]
    } else {
      text += text === '' ? segment : `.${segment}`
      node = node?.kind === 'object' ? findProperty(node, segment)?.value : undefined
    }
  }
  return text
}

/**
 * The plain value at a path of keys and indexes, own keys only: a key such as `toString` or
 * `constructor` in a hostile file is never read from Object.prototype.
 */
export function plainAt(
  value: PlainValue | undefined,
  path: readonly (string | number)[]
): PlainValue | undefined {
  let node = value
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key]
    else if (
      typeof node === 'object' &&
      node !== null &&
      !Array.isArray(node) &&
      Object.hasOwn(node, key)
    )
      node = node[String(key)]
    else return undefined
  }
  return node
}
