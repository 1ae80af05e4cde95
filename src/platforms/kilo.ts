import {
  exposeOpencodeTools,
  opencode,
  opencodeFields,
  opencodeRules,
  v1Translation
} from './opencode.js'
import type { Platform } from './platform.js'
import { fileSchema, serverSchema } from './schema-parts.js'

// Facts: ../shared/docs/platforms-more.md §4 and what @kilocode/cli 7.7.7 did offline here on
// 2026-12-03 (`kilo mcp list`, `kilo debug config`, `kilo config check` with a fresh HOME and a
// git project; 7.8.1's Linux binary was missing from npm). Kilo is built on OpenCode and reads
// OpenCode's V1 `mcp` map (no V2 `mcp.servers`), but treats project files as untrusted: an
// `{env:VAR}` reference there makes it skip the whole file. Every file is JSONC, whatever its
// extension; a broken entry costs only its own file, the other files still load. Kilo writes a
// "$schema" into a file that has none. Root opencode.json(c), which Kilo reads too, is linted as
// OpenCode's.
const VERIFIED = 'Kilo CLI 7.7.7 (run offline 2026-12-03)'
const SKIPPED =
  'Kilo 7.7.7 skips the whole file ("Configuration is invalid"); its other config files still load'

export const kilo: Platform = {
  role: 'client',
  id: 'kilo',
  displayName: 'Kilo',
  checked: 'CLI 7.7.7, run offline, 2026-12-03',
  // Lowest to highest precedence; in a folder the .json file beats the .jsonc one.
  paths: [
    'kilo.json',
    'kilo.jsonc',
    '.kilocode/kilo.jsonc',
    '.kilocode/kilo.json',
    '.kilocode/opencode.jsonc',
    '.kilocode/opencode.json',
    '.kilo/kilo.jsonc',
    '.kilo/kilo.json',
    '.kilo/opencode.jsonc',
    '.kilo/opencode.json'
  ],
  format: 'json',
  jsonc: { comments: 'allowed', trailingCommas: 'allowed' },
  serversKeys: ['mcp'],
  dedicated: false,
  // Unknown keys inside a server are dropped without a word.
  unknownFields: 'confirmed',
  ignoredFields: opencode.ignoredFields,
  schema: fileSchema({
    id: 'kilo',
    title: 'Kilo configuration (kilo.json), MCP part',
    serversKey: 'mcp',
    server: serverSchema(opencodeFields(SKIPPED, 'Kilo'), opencodeRules),
    required: false
  }),
  invalidEntry: { rejects: 'file', consequence: SKIPPED, verified: VERIFIED },
  interpolation: {
    certainty: 'confirmed',
    syntaxes: [],
    prefixes: [],
    variables: [],
    fields: 'all',
    preferred: undefined,
    advice:
      'Kilo expands no references in project files: leave {name} out of "environment" so the server inherits it, or define the server in ~/.config/kilo/kilo.json, where "{env:{name}}" is expanded',
    refuses: {
      syntaxes: ['curly-env'],
      consequence:
        'Kilo 7.7.7 refuses environment references in project config and skips the whole file',
      verified: VERIFIED
    },
    secretAdvice:
      'define the server in ~/.config/kilo/kilo.json with "{env:{name}}" instead (Kilo refuses references in project files), or leave the variable out of "environment" so the server inherits it',
    unexpandedStaysLiteral: true
  },
  launch: {
    ...opencode.launch,
    certainty: { variables: 'confirmed', cwd: 'unconfirmed' },
    source:
      'kilo 7.7.7 run offline: no substitution in project files; servers inherit the environment',
    verified: VERIFIED
  },
  // OpenCode's V1, with no references in project files.
  translation: { ...v1Translation, references: 'none' },
  tools: {
    naming: {
      // OpenCode's formula; Kilo's own tool list was not sent to a fake model API.
      expose: exposeOpencodeTools,
      certainty: 'unconfirmed',
      clash: 'the tool registered last replaces the other'
    }
  },
  aliases: ['kilo-cli'],
  reference: 'https://kilo.ai/docs/automate/mcp/using-in-kilo-code'
}
