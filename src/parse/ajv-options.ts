import type { Ajv, Options } from 'ajv'

/** One ajv configuration for the validators compiled at run time and the ones generated ahead. */
export const ajvOptions: Options = {
  allErrors: true,
  // No `parentSchema` on each error: it is the schema at the error's schemaPath (parentSchemaOf),
  // and writing it into every error made a quarter of each generated validator's code.
  verbose: false,
  strict: true,
  strictTypes: false,
  strictRequired: false,
  allowUnionTypes: true
}

/** The annotation keyword schemas use for their own messages. */
export function addKeywords(ajv: Ajv): Ajv {
  ajv.addKeyword({ keyword: 'x-message', schemaType: 'string' })
  // `x-refuses: "server"`: a platform that rejects the whole file for a broken entry
  // (Platform.invalidEntry) refuses only that server for this problem, when it starts it.
  ajv.addKeyword({ keyword: 'x-refuses', schemaType: 'string' })
  return ajv
}
