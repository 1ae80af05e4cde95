// Tool texts: every string of a tool a model may read.
import type { ToolInfo } from '../../model/tools.js'
import type { PlainValue } from '../../model/tree.js'
import { describeSafely } from './describe.js'

export interface ToolText {
  readonly path: string
  readonly field: 'name' | 'description' | 'schema'
  readonly text: string
}

const MAX_SCHEMA_DEPTH = 32
const MAX_SCHEMA_STRINGS = 2000

/** Keywords are structure, not server-chosen text; property and definition names are not here. */
// prettier-ignore
const SCHEMA_KEYWORDS = new Set([
  '$schema', '$id', '$ref', '$defs', '$comment', '$anchor', 'definitions', 'type', 'properties',
  'patternProperties', 'additionalProperties', 'required', 'items', 'prefixItems', 'enum', 'const',
  'default', 'description', 'title', 'examples', 'format', 'pattern', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems',
  'uniqueItems', 'minProperties', 'maxProperties', 'anyOf', 'oneOf', 'allOf', 'not', 'if', 'then',
  'else', 'dependentRequired', 'dependentSchemas', 'contains', 'propertyNames', 'multipleOf',
  'readOnly', 'writeOnly', 'deprecated', 'contentEncoding', 'contentMediaType',
  'unevaluatedProperties', 'unevaluatedItems', 'readOnlyHint', 'destructiveHint',
  'idempotentHint', 'openWorldHint'
])

/**
 * Every string of a tool a model may read: the schemas whole, property names included (CyberArk's
 * full-schema poisoning hides payloads in parameter names and nested descriptions). Each distinct
 * schema string appears once; depth and count are capped so a hostile schema cannot stall us.
 */
export function toolTexts(tool: ToolInfo): ToolText[] {
  const texts: ToolText[] = [{ path: 'name', field: 'name', text: tool.name }]
  if (tool.title !== undefined) {
    texts.push({ path: 'title', field: 'description', text: tool.title })
  }
  if (tool.description !== undefined) {
    texts.push({ path: 'description', field: 'description', text: tool.description })
  }
  const seen = new Set<string>()
  const collect = (value: PlainValue | undefined, path: string, depth: number): void => {
    if (value === undefined || depth > MAX_SCHEMA_DEPTH || seen.size >= MAX_SCHEMA_STRINGS) return
    if (typeof value === 'string') {
      if (!seen.has(value)) {
        seen.add(value)
        texts.push({ path, field: 'schema', text: value })
      }
      return
    }
    if (value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        collect(item, `${path}[${index}]`, depth + 1)
      })
      return
    }
    for (const key of Object.keys(value)) {
      const keyPath = `${path}${pathSegment(key)}`
      if (!SCHEMA_KEYWORDS.has(key)) collect(key, keyPath, depth + 1)
      collect(value[key], keyPath, depth + 1)
    }
  }
  collect(tool.inputSchema, 'inputSchema', 0)
  collect(tool.outputSchema, 'outputSchema', 0)
  collect(tool.annotations, 'annotations', 0)
  return texts
}

/** `.key` for plain identifiers, else a quoted key with anything unprintable escaped. */
function pathSegment(key: string): string {
  if (/^[A-Za-z_$][\w$-]{0,63}$/.test(key)) return `.${key}`
  return `["${describeSafely(key, 40).replace(/["\\]/g, '\\$&')}"]`
}
