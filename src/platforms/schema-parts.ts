/** A JSON Schema (draft-07) document or fragment. */
export type JsonSchema = Readonly<Record<string, unknown>>

/**
 * `x-message` replaces ajv's generic text for a failing subschema; editors ignore it. Messages are
 * one line, lower-case, and say what to do.
 */
export function explain(message: string, schema: JsonSchema): JsonSchema {
  return { ...schema, 'x-message': message }
}

export const string: JsonSchema = { type: 'string' }
export const boolean: JsonSchema = { type: 'boolean' }
export const number: JsonSchema = { type: 'number' }
export const integer: JsonSchema = { type: 'integer' }
export const object: JsonSchema = { type: 'object' }
export const stringArray: JsonSchema = { type: 'array', items: string }
export const stringMap: JsonSchema = { type: 'object', additionalProperties: string }

/** A field that must not be present, with the reason. */
export function forbidden(message: string): JsonSchema {
  return explain(message, { not: {} })
}

/** Requires one of several fields, reported as one finding instead of one per alternative. */
export function requireOneOf(fields: readonly string[], message: string): JsonSchema {
  return explain(message, { anyOf: fields.map((field) => ({ required: [field] })) })
}

/** Requires `then` fields whenever `when` is present. */
export function requireWith(when: string, then: readonly string[], message: string): JsonSchema {
  return { if: { required: [when] }, then: explain(message, { required: then }) }
}

/** Requires fields when `type` is one of `types`. */
export function requireForType(
  types: readonly string[],
  then: readonly string[],
  message: string
): JsonSchema {
  return {
    if: { required: ['type'], properties: { type: { enum: types } } },
    then: explain(message, { required: then })
  }
}

export function enumOf(values: readonly string[]): JsonSchema {
  return { type: 'string', enum: values }
}

export interface FileSchemaOptions {
  readonly id: string
  readonly title: string
  readonly serversKey: string
  readonly server: JsonSchema
  /** The servers are a list of entries carrying their own names (`Dialect.serverList`). */
  readonly list?: boolean
  /** Names the platform accepts for a server, if it restricts them. */
  readonly serverName?: JsonSchema
  /** A dedicated MCP file needs its server map. */
  readonly required: boolean
  readonly extraProperties?: Readonly<Record<string, JsonSchema>>
}

export const SCHEMA_BASE_URL = 'https://raw.githubusercontent.com/mcp-lint/mcp-lint/main/schemas'

/** The schema of a whole platform file: the server map, plus whatever else the file may hold. */
export function fileSchema(options: FileSchemaOptions): JsonSchema {
  const servers: Record<string, unknown> =
    options.list === true
      ? { type: 'array', items: options.server }
      : { type: 'object', additionalProperties: options.server }
  if (options.serverName !== undefined) servers.propertyNames = options.serverName
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE_URL}/${options.id}.schema.json`,
    title: options.title,
    type: 'object',
    properties: { $schema: string, [options.serversKey]: servers, ...options.extraProperties },
    ...(options.required ? { required: [options.serversKey] } : {})
  }
}

/** The definition of one server: known fields, no others, plus transport requirements. */
export function serverSchema(
  properties: Readonly<Record<string, JsonSchema>>,
  rules: readonly JsonSchema[]
): JsonSchema {
  return {
    type: 'object',
    properties,
    additionalProperties: false,
    ...(rules.length > 0 ? { allOf: rules } : {})
  }
}

interface ServersSchema {
  readonly additionalProperties?: { readonly properties?: object }
  readonly items?: { readonly properties?: object }
}

/** The server fields a platform's schema knows. */
export function serverFieldNames(schema: JsonSchema, serversKey: string): Set<string> {
  const servers = (schema.properties as Record<string, ServersSchema> | undefined)?.[serversKey]
  return new Set(
    Object.keys(servers?.additionalProperties?.properties ?? servers?.items?.properties ?? {})
  )
}
