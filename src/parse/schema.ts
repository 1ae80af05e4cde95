import type { ErrorObject, ValidateFunction } from 'ajv'
import type { Dialect } from '../platforms/platform.js'
import type { JsonSchema } from '../platforms/schema-parts.js'
import { loadPrecompiledValidator, precompiledValidator } from './generated/validators.js'
import { parentSchemaOf } from './schema-path.js'
import { isRecord } from '../util/is-record.js'
import { listedName } from './load.js'
import type { AnyConfigFile, ServerEntry } from '../model/workspace.js'
import { plainEntry } from '../model/plain-entry.js'
import { startOf, type Location } from '../model/location.js'
import {
  findProperty,
  resolvePath,
  toPlain,
  type PlainValue,
  type ValueNode
} from '../model/tree.js'

/** One schema violation, located at the key or value it is about. */
export interface SchemaIssue {
  readonly keyword: string
  /** Instance path of the value the issue is about. */
  readonly path: readonly string[]
  /** The property named by `required`, `additionalProperties` and `propertyNames` issues. */
  readonly field: string | undefined
  /** The schema's own `x-message` for this failure, if it has one. */
  readonly hint: string | undefined
  /** The schema's `x-refuses` for this failure: `server` when the client refuses only the server. */
  readonly refuses: string | undefined
  /** `type`: the expected JSON types; `enum`: the allowed values; `additionalProperties`: the known fields. */
  readonly expected: readonly string[]
  /** `type` issues: what was found instead. */
  readonly actual: string | undefined
  /** ajv's text, which never quotes the data; the fallback message. */
  readonly detail: string
  readonly location: Location
}

export type SchemaCompiler = (schema: JsonSchema) => ValidateFunction

let compileSchema: SchemaCompiler | undefined
const validators = new Map<string, ValidateFunction>()
const issuesByFile = new WeakMap<AnyConfigFile, readonly SchemaIssue[]>()

/**
 * Lets a schema without a generated validator be compiled: a test that declares a client of its
 * own. mcp-lint itself never compiles a schema, nor loads ajv's compiler (about 15 ms a run):
 * `npm run generate -- --check` keeps a generated validator for every schema it has.
 */
export function setSchemaCompiler(compile: SchemaCompiler | undefined): void {
  compileSchema = compile
}

/**
 * Loads the generated validators of these schema ids. A client's comes with prepareDialects
 * (src/parse/load.ts, which cannot import this module); this is for the others, the report's.
 */
export async function loadValidators(ids: Iterable<string>): Promise<void> {
  await Promise.all([...ids].map((id) => loadPrecompiledValidator(id)))
}

/** The generated validator for a schema id, else one compiled once by the registered compiler. */
function validatorFor(id: string, schema: JsonSchema): ValidateFunction {
  let validate = validators.get(id) ?? precompiledValidator(id)
  if (validate === undefined) {
    if (compileSchema === undefined)
      throw new Error(
        `no generated validator loaded for schema "${id}": await prepareDialects() or loadValidators() first, or run npm run generate`
      )
    validate = compileSchema(schema)
  }
  validators.set(id, validate)
  return validate
}

/**
 * Validates a positioned tree against a schema, returning located issues. `reuse` gives the loaded
 * value of subtrees already converted (see toPlain); ajv here neither coerces nor fills in defaults,
 * so sharing them is safe.
 */
export function validateTree(
  id: string,
  schema: JsonSchema,
  root: ValueNode,
  reuse?: (node: ValueNode) => PlainValue | undefined
): SchemaIssue[] {
  const validate = validatorFor(id, schema)
  validate(toPlain(root, reuse))
  return toIssues(root, validate.errors ?? [], schema)
}

/** Validates a parsed file against its platform's schema; memoised, since several rules read it. */
export function schemaIssues(file: AnyConfigFile): readonly SchemaIssue[] {
  const cached = issuesByFile.get(file)
  if (cached !== undefined) return cached
  const root = file.root
  // Each entry's loaded value is kept on it for the rules: the file's is built around those.
  const entries = new Map<ValueNode, ServerEntry>(file.servers.map((entry) => [entry.value, entry]))
  const reuse = (node: ValueNode) => {
    const entry = entries.get(node)
    return entry === undefined ? undefined : plainEntry(entry)
  }
  const issues =
    root === undefined ? [] : validateTree(file.platform.id, file.platform.schema, root, reuse)
  issuesByFile.set(file, issues)
  return issues
}

/**
 * Whether a problem inside one server's entry makes the platform drop the whole file
 * (`Platform.invalidEntry`): any schema error, or only an entry of the listed kinds; never one the
 * schema marks `x-refuses: server`.
 */
export function entryIssueRejectsFile(platform: Dialect, issue: SchemaIssue): boolean {
  const invalid = platform.invalidEntry
  if (invalid === undefined || issue.refuses === 'server') return false
  // OpenCode drops a broken V2 entry (`mcp.servers.<name>`) alone.
  if (platform.nestedServers !== undefined && issue.path[1] === platform.nestedServers) return false
  if (invalid.entryKinds === undefined) return true
  return (
    issue.keyword === 'type' &&
    issue.path.length === 2 &&
    invalid.entryKinds.includes(issue.actual ?? '')
  )
}

/**
 * The server a path in the file's tree is inside, and the path below its entry: the server map's
 * `<key>/<name>/…`, OpenCode's V2 `mcp/servers/<name>/…`, or a server list's `<key>/<index>/…`
 * (named by the entry's name field).
 */
export function serverAtPath(
  file: AnyConfigFile,
  path: readonly string[]
): { server: string; rest: readonly string[] } | undefined {
  const platform = file.platform
  if (path.length < 2 || !platform.serversKeys.includes(path[0] ?? '')) return undefined
  const nested = platform.nestedServers
  if (nested !== undefined && path[1] === nested && path.length >= 3)
    return { server: path[2] ?? '', rest: path.slice(3) }
  const list = platform.serverList
  if (list !== undefined) {
    const item = file.serversProperty?.value
    const name = listedName(
      item?.kind === 'array' ? item.items[Number(path[1])] : undefined,
      list.nameKey
    )
    return name === undefined ? undefined : { server: name.value, rest: path.slice(2) }
  }
  return { server: path[1] ?? '', rest: path.slice(2) }
}

/** Compound keywords whose own error says it all; their branch errors are noise. */
const compound = new Set(['anyOf', 'oneOf', 'propertyNames'])

/** An ajv error with the schema object that holds its keyword. */
type LocatedError = ErrorObject & { readonly parent: Readonly<Record<string, unknown>> | undefined }

function toIssues(
  root: ValueNode,
  ajvErrors: readonly ErrorObject[],
  schema: JsonSchema
): SchemaIssue[] {
  const errors = ajvErrors.map((error): LocatedError => ({
    ...error,
    parent: parentSchemaOf(schema, error.schemaPath)
  }))
  const covered = errors
    .filter((error) => compound.has(error.keyword))
    .map((error) => `${error.schemaPath}/`)
  const issues: SchemaIssue[] = []
  for (const error of errors) {
    if (error.keyword === 'if') continue
    if (covered.some((prefix) => error.schemaPath.startsWith(prefix))) continue
    const nested = errors.filter((other) => other.schemaPath.startsWith(`${error.schemaPath}/`))
    const hint = hintOf(error) ?? nested.map(hintOf).find((text) => text !== undefined)
    const refuses =
      annotationOf(error, 'x-refuses') ??
      nested.map((other) => annotationOf(other, 'x-refuses')).find((text) => text !== undefined)
    const path = splitPointer(error.instancePath)
    const field = fieldOf(error)
    issues.push({
      keyword: error.keyword,
      path,
      field,
      hint,
      refuses,
      expected: expectedOf(error),
      actual: actualOf(root, path, error),
      detail: error.message ?? 'is invalid',
      location: locateIssue(root, path, field, error.keyword)
    })
  }
  return issues
}

function annotationOf(error: LocatedError, keyword: string): string | undefined {
  const value = error.parent?.[keyword]
  return typeof value === 'string' ? value : undefined
}

function hintOf(error: LocatedError): string | undefined {
  return annotationOf(error, 'x-message')
}

function fieldOf(error: ErrorObject): string | undefined {
  const params = error.params as Record<string, unknown>
  const field = params.missingProperty ?? params.additionalProperty ?? params.propertyName
  return typeof field === 'string' ? field : undefined
}

function expectedOf(error: LocatedError): string[] {
  const params = error.params as Record<string, unknown>
  if (error.keyword === 'type') {
    const type = params.type
    return typeof type === 'string' ? type.split(',') : []
  }
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return params.allowedValues.map(String)
  }
  if (error.keyword === 'additionalProperties') {
    const properties = error.parent?.properties
    return Object.keys(isRecord(properties) ? properties : {})
  }
  return []
}

function actualOf(
  root: ValueNode,
  path: readonly string[],
  error: ErrorObject
): string | undefined {
  if (error.keyword !== 'type') return undefined
  const node = resolvePath(root, path)
  return node === undefined
    ? undefined
    : node.kind === 'number' && Number.isInteger(node.value)
      ? 'integer'
      : node.kind
}

/** Unescapes a JSON pointer (`~1` is `/`, `~0` is `~`). */
export function splitPointer(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** Keywords that judge a value as a whole: reported at its key, which names it. */
const aboutTheWhole = new Set(['required', 'anyOf', 'oneOf', 'not'])

/**
 * Issues about a property (missing, unknown, badly named, forbidden) point at a key; issues
 * about a value point at the value.
 */
function locateIssue(
  root: ValueNode,
  path: readonly string[],
  field: string | undefined,
  keyword: string
): Location {
  const node = resolvePath(root, path) ?? root
  if (
    (keyword === 'additionalProperties' || keyword === 'propertyNames') &&
    field !== undefined &&
    node.kind === 'object'
  ) {
    return findProperty(node, field)?.key.location ?? node.location
  }
  if (aboutTheWhole.has(keyword)) {
    const key = keyOf(root, path)
    if (key !== undefined) return key
    return startOf(node.location)
  }
  return node.location
}

function keyOf(root: ValueNode, path: readonly string[]): Location | undefined {
  const last = path.at(-1)
  if (last === undefined) return undefined
  const parent = resolvePath(root, path.slice(0, -1))
  return parent?.kind === 'object' ? findProperty(parent, last)?.key.location : undefined
}

/** Validates a plain value (already parsed) against a schema; the first problems, as text. */
export function validatePlain(id: string, schema: JsonSchema, value: unknown): string[] {
  const validate = validatorFor(id, schema)
  if (validate(value)) return []
  return (validate.errors ?? [])
    .slice(0, 3)
    .map(
      (error) =>
        `${error.instancePath === '' ? 'the report' : error.instancePath} ${error.message ?? 'is invalid'}`
    )
}
