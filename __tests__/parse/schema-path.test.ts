import { describe, expect, it } from '@jest/globals'
import { Ajv } from 'ajv'
import fc from 'fast-check'
import { addKeywords, ajvOptions } from '../../src/parse/ajv-options.js'
import { parentSchemaOf } from '../../src/parse/schema-path.js'
import { dialects } from '../../src/platforms/index.js'

// The generated validators leave out ajv's `verbose` fields; parentSchemaOf finds the schema object
// an error is about from its schemaPath instead. ajv with `verbose` says what it should find.

/** Every property name a schema declares, so generated entries hit its keywords. */
function namesIn(schema: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const item of schema) namesIn(item, names)
  else if (typeof schema === 'object' && schema !== null)
    for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
      if (key === 'properties' && typeof value === 'object' && value !== null)
        for (const name of Object.keys(value)) names.add(name)
      namesIn(value, names)
    }
  return names
}

describe('parentSchemaOf', () => {
  it.each(dialects.map((dialect) => [dialect.id, dialect] as const))(
    'finds the schema object ajv names for every error of %s',
    (_, dialect) => {
      const ajv = addKeywords(new Ajv({ ...ajvOptions, verbose: true }))
      const validate = ajv.compile(dialect.schema)
      const keys = fc.constantFrom(...namesIn(dialect.schema), 'x', '__proto__', 'a/b~c', '$x')
      const { value } = fc.letrec((tie) => ({
        value: fc.oneof(
          { depthSize: 'small', withCrossShrink: true },
          fc.string(),
          fc.integer(),
          fc.double(),
          fc.boolean(),
          fc.constant(null),
          fc.array(tie('value'), { maxLength: 3 }),
          fc.dictionary(keys, tie('value'), { maxKeys: 4 })
        )
      }))
      const document = fc.record({
        server: fc.dictionary(keys, value, { maxKeys: 6 }),
        rest: fc.dictionary(keys, value, { maxKeys: 3 })
      })
      let errors = 0
      fc.assert(
        fc.property(document, ({ server, rest }) => {
          const serversKey = dialect.serversKeys[0]
          const servers = dialect.serverList === undefined ? { one: server } : [server]
          validate({ ...rest, [serversKey]: servers })
          for (const error of validate.errors ?? []) {
            errors++
            expect([error.schemaPath, parentSchemaOf(dialect.schema, error.schemaPath)]).toEqual([
              error.schemaPath,
              error.parentSchema
            ])
          }
        }),
        { numRuns: 100 }
      )
      expect(errors).toBeGreaterThan(50)
    }
  )
})
