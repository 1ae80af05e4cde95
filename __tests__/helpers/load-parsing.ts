import { loadYamlParser } from '../../src/parse/load-yaml.js'
import { loadValidators } from '../../src/parse/schema.js'
import { dialects } from '../../src/platforms/index.js'

/**
 * Loads what a check loads when it reads files: the YAML parser and every client's schema
 * validator. Tests that parse or lint text in memory (lintFiles, parseConfigText) await it first.
 */
export async function loadParsing(): Promise<void> {
  await Promise.all([
    loadYamlParser(),
    loadValidators([...dialects.map((dialect) => dialect.id), 'mcp-lint-report'])
  ])
}
