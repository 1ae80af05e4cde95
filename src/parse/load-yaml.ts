import type { SourceText } from '../model/location.js'
import type { YamlParse } from './yaml.js'

type ParseYaml = (source: SourceText) => YamlParse

let parseYaml: ParseYaml | undefined

/**
 * Loads the YAML parser: the yaml library is a fifth of the code a check would otherwise compile
 * at every start, and most repositories have no YAML config. Awaited before YAML text is parsed.
 */
export async function loadYamlParser(): Promise<void> {
  parseYaml ??= (await import('./yaml.js')).parseYaml
}

/** The loaded YAML parser; parsing YAML before loadYamlParser() is a bug, not a user's error. */
export function yamlParser(): ParseYaml {
  if (parseYaml === undefined)
    throw new Error('the YAML parser is not loaded: await loadYamlParser() before parsing YAML')
  return parseYaml
}
