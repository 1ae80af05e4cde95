import { prepareDialects } from '../../src/parse/load.js'
import { loadValidators } from '../../src/parse/schema.js'
import { dialects } from '../../src/platforms/index.js'

/**
 * Loads what a check loads when it reads files: the YAML parser and every client's schema
 * validator. Tests that parse or lint text in memory (lintFiles, parseConfigText) await it first.
 */
export async function loadParsing(): Promise<void> {
  await Promise.all([prepareDialects(dialects), loadValidators(['mcp-lint-report'])])
}
