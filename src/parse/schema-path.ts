import type { JsonSchema } from '../platforms/schema-parts.js'
import { isRecord } from '../util/is-record.js'

/**
 * The schema object holding the keyword an error is about: the error's schemaPath (a URI fragment
 * of JSON pointer parts) without its last part, the keyword.
 */
export function parentSchemaOf(
  schema: JsonSchema,
  schemaPath: string
): Readonly<Record<string, unknown>> | undefined {
  let node: unknown = schema
  for (const part of schemaPath.split('/').slice(1, -1)) {
    const key = decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~')
    node =
      typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined
  }
  return isRecord(node) ? node : undefined
}
