import { Ajv } from 'ajv'
import { addKeywords, ajvOptions } from '../../src/parse/ajv-options.js'
import { setSchemaCompiler } from '../../src/parse/schema.js'

/**
 * Compiles the schemas of clients a test declares itself, with the options the generated
 * validators use; mcp-lint has a generated validator for every schema of its own.
 */
export function compileTestSchemas(): void {
  const ajv = addKeywords(new Ajv(ajvOptions))
  setSchemaCompiler((schema) => ajv.compile(schema))
}
