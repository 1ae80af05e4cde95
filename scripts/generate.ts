// Writes what is generated from the rule registry and the platform adapters: rule docs, the rules
// index, the README's rule table, and the JSON Schemas in schemas/. `--check` writes nothing and
// fails when a generated file is stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { Ajv } from 'ajv'
import standaloneCode from 'ajv/dist/standalone/index.js'
import { lintConfigSchema } from '../src/config/schema.js'
import { addKeywords, ajvOptions } from '../src/parse/ajv-options.js'
import { setSchemaCompiler } from '../src/parse/schema.js'
import { loadYamlParser } from '../src/parse/load-yaml.js'
import { reportSchema } from '../src/reporters/json-schema.js'
import { lintFiles } from '../src/lint-text.js'
import { dialects, platforms } from '../src/platforms/index.js'
import { knownPathPattern } from '../src/config/path-pattern.js'
import type { Allowance, Dialect } from '../src/platforms/platform.js'
import { source } from '../src/platforms/source.js'
import { docsUrl, rules } from '../src/rules/index.js'
import type { Example, Rule, RuleSettings } from '../src/rules/rule.js'

const check = process.argv.includes('--check')
// The rule examples are linted in memory, YAML clients' among them.
await loadYamlParser()
const outputs = new Map<string, string>()

// The rule examples are linted below with the generated validators; a schema that has none yet
// (a client just added) is compiled here instead. After a schema change, run generate twice.
const runtimeAjv = addKeywords(new Ajv(ajvOptions))
setSchemaCompiler((schema) => runtimeAjv.compile(schema))

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`
for (const dialect of dialects)
  outputs.set(`schemas/${dialect.id}.schema.json`, json(dialect.schema))
outputs.set('schemas/mcp-lint.schema.json', json(lintConfigSchema()))
outputs.set('schemas/report.schema.json', json(reportSchema()))

outputs.set('src/parse/generated/validators.js', validatorsModule())

for (const rule of rules) outputs.set(`docs/rules/${rule.id}.md`, ruleDoc(rule))
outputs.set('docs/rules/README.md', `# Rules\n\n${ruleTable('')}\n`)

const readmePath = 'README.md'
const readme = readFileSync(readmePath, 'utf8')
const start = '<!-- rules:start -->'
const end = '<!-- rules:end -->'
const from = readme.indexOf(start)
const to = readme.indexOf(end)
if (from === -1 || to === -1) throw new Error('README.md lacks the rules markers')
const withRules = `${readme.slice(0, from + start.length)}\n${ruleTable('docs/rules/')}\n${readme.slice(to)}`
outputs.set(readmePath, between(withRules, 'clients', clientTable()))

outputs.set('.pre-commit-hooks.yaml', preCommitHooks())

const stale: string[] = []
for (const [path, raw] of outputs) {
  // Generated files are formatted as prettier would, so `npm run lint` and `--check` agree; the
  // generated validators are code for the machine (prettier ignores them).
  const content = path.endsWith('.js')
    ? raw
    : await format(raw, { ...(await resolveConfig(path)), filepath: path })
  let current: string | undefined
  try {
    current = readFileSync(path, 'utf8')
  } catch {
    current = undefined
  }
  if (current === content) continue
  stale.push(path)
  if (!check) {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, content)
  }
}
if (check && stale.length > 0) {
  console.error(
    `generated files are stale: ${stale.join(', ')}\nRun \`npm run generate\` and commit them.`
  )
  process.exitCode = 1
} else console.log(stale.length === 0 ? 'generated files are current' : `wrote ${stale.join(', ')}`)

/** ajv standalone validators for every schema mcp-lint validates with, keyed by schema id. */
function validatorsModule(): string {
  const schemas: [string, object][] = [
    ...dialects.map((dialect): [string, object] => [dialect.id, dialect.schema]),
    ['mcp-lint-config', lintConfigSchema()],
    ['mcp-lint-report', reportSchema()]
  ]
  const runtime = new Map<string, string>()
  // One builder function per schema: V8 compiles a function when it is first called, so a run
  // compiles only the validators of the files it reads, not all of them at every start.
  const builders = schemas.map(([id, schema], index) => {
    const ajv = addKeywords(new Ajv({ ...ajvOptions, code: { source: true, esm: true } }))
    ajv.addSchema(schema, id)
    // A CommonJS module: its default export is `module.exports`, whose `default` is the function.
    const code = standaloneCode.default(ajv, { validate: id })
    // ajv's ESM output still `require`s its runtime helpers: turn them into imports.
    const body = code
      .replace(/^"use strict";/, '')
      .replace(/require\("ajv\/dist\/runtime\/(\w+)"\)\.default/g, (_, name: string) => {
        runtime.set(name, `runtime_${name}`)
        return `runtime_${name}.default`
      })
      .replace(/export const validate = (\w+);/, 'const validate = $1;')
    return `function build${index}() {${body}\nreturn validate}\n`
  })
  const imports = [...runtime]
    .map(([name, local]) => `import ${local} from 'ajv/dist/runtime/${name}.js'\n`)
    .join('')
  const map = schemas.map(([id], index) => `  [${JSON.stringify(id)}, build${index}]`).join(',\n')
  return `// Generated by scripts/generate.ts from the schemas mcp-lint validates with: do not edit.
${imports}${builders.join('')}
const builders = new Map([
${map}
])
const built = new Map()

export function precompiledValidator(id) {
  let validate = built.get(id)
  if (validate === undefined) {
    const build = builders.get(id)
    if (build === undefined) return undefined
    validate = build()
    built.set(id, validate)
  }
  return validate
}
`
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
function between(text: string, name: string, content: string): string {
  const open = `<!-- ${name}:start -->`
  const close = `<!-- ${name}:end -->`
  const from = text.indexOf(open)
  const to = text.indexOf(close)
  if (from === -1 || to === -1) throw new Error(`README.md lacks the ${name} markers`)
  return `${text.slice(0, from + open.length)}\n${content}\n${text.slice(to)}`
}

/** The README's client table, from each client module's declarations. */
function clientTable(): string {
  const code = (text: string) => `\`${text}\``
  const rows = [...platforms, source].map((dialect) => {
    const unread = Object.keys(dialect.unreadPaths ?? {})
    const files = dialect.paths
      .filter((path) => !unread.includes(path))
      .map(code)
      .join(', ')
    const naming = dialect.role === 'client' && dialect.tools?.naming !== undefined ? 'yes' : '—'
    const key = dialect.serversKeys[0]
    const map =
      dialect.serverList === undefined
        ? code(key)
        : `${code(dialect.format === 'toml' ? `[[${key}]]` : key)} list, by \`${dialect.serverList.nameKey}\``
    return `| ${dialect.displayName} | ${files} | ${formatOf(dialect)} | ${map} | ${naming} | ${dialect.checked} |`
  })
  return [
    '| Client | Files (repo-relative) | Format | Server map | Tool names | Checked against |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

function formatOf(dialect: Dialect): string {
  if (dialect.format === 'toml') return 'TOML'
  if (dialect.format === 'yaml') return 'YAML'
  const allowed = (allowance: Allowance | undefined) => allowance === 'allowed'
  const comments = allowed(dialect.jsonc?.comments)
  const commas = allowed(dialect.jsonc?.trailingCommas)
  if (comments && commas) return 'JSONC'
  if (comments) return 'JSON with comments, no trailing commas'
  const confirmed =
    typeof dialect.jsonc?.comments === 'object' && dialect.jsonc.comments.forbidden === 'confirmed'
  return confirmed ? 'strict JSON' : 'JSON'
}

function ruleTable(linkBase: string): string {
  const rows = rules.map(
    (rule) =>
      `| [\`${rule.id}\`](${linkBase}${rule.id}.md) | ${rule.severity} | ${rule.docs.description} |`
  )
  return ['| Rule | Default | What it checks |', '| --- | --- | --- |', ...rows].join('\n')
}

function ruleDoc(rule: Rule): string {
  const examples = (title: string, list: readonly Example[]) =>
    list.length === 0
      ? ''
      : `### ${title}\n\n${list.map((example) => renderExample(rule, example)).join('\n')}`
  return `# ${rule.id}

${rule.docs.description}.

| | |
| --- | --- |
| Default severity | \`${rule.severity}\` |
| Runs on | ${rule.phase === 'file' ? 'each config file' : 'the whole repository'} |
| Messages | ${Object.keys(rule.messages)
    .map((id) => `\`${id}\``)
    .join(', ')} |

## Why

${rule.docs.rationale}
${rule.docs.details === undefined ? '' : `\n${rule.docs.details.trimEnd()}\n`}
## Examples

${examples('Reported', rule.docs.examples.invalid)}
${examples('Not reported', rule.docs.examples.valid)}
## Configuration

Change the severity or turn the rule off in \`mcp-lint.json\`:

\`\`\`json
{ "rules": { "${rule.id}": "warning" } }
\`\`\`

Findings that rest on a platform fact the research marks as unconfirmed are reported one level milder
(error → warning → notice).

<!-- ${docsUrl(rule.id)} -->
`
}

function renderExample(rule: Rule, example: Example): string {
  const output = lintFiles([example, ...(example.others ?? [])], [rule], example)
    .map(
      (d) =>
        `${d.file}:${d.range.start.line}:${d.range.start.column}: ${d.severity} ${d.message} [${d.ruleId}]`
    )
    .join('\n')
  const language = fence(example.path)
  const shown = JSON.stringify(example.text).slice(1, -1).includes('\\u0000')
    ? '(binary content)'
    : example.text
  const runs = (example.enumeration ?? []).map((entry) => {
    const outcome =
      entry.run?.status === 'ok'
        ? `listed ${listTools(entry.run.tools.map((tool) => tool.name))}` +
          (entry.run.timings.initializeMs > 1000
            ? `, answered \`initialize\` after ${(entry.run.timings.initializeMs / 1000).toFixed(1)} s`
            : '') +
          (entry.run.serverInfo?.title === undefined
            ? ''
            : `, calls itself "${entry.run.serverInfo.title}"`)
        : `${entry.status}${entry.reason === undefined ? '' : ` (${entry.reason})`}`
    return `- \`${entry.name}\` in \`${entry.file}\`: ${outcome}`
  })
  const settings =
    example.settings === undefined
      ? ''
      : `\n\`mcp-lint.json\`:\n\n\`\`\`json\n${JSON.stringify(configOf(example.settings))}\n\`\`\`\n`
  const enumerated = runs.length === 0 ? '' : `\nEnumeration:\n\n${runs.join('\n')}\n`
  const lockfile =
    example.lockfile === undefined
      ? ''
      : `\n\`.agents/mcp/mcp-lock.json\`:\n\n\`\`\`json\n${example.lockfile.trimEnd()}\n\`\`\`\n`
  const base =
    example.baseSettings === undefined
      ? ''
      : `\nThe base branch's \`${example.path}\`:\n\n\`\`\`json\n${(example.baseSettings ?? '(none)').trimEnd()}\n\`\`\`\n`
  const others = (example.others ?? [])
    .map(
      (other) =>
        `\n\`${other.path}\`:\n\n\`\`\`${fence(other.path)}\n${other.text.trimEnd()}\n\`\`\`\n`
    )
    .join('')
  return `\`${example.path}\`:

\`\`\`${language}
${shown.trimEnd()}
\`\`\`
${base}${others}${lockfile}${enumerated}${settings}
${output === '' ? 'No findings.' : `\`\`\`text\n${output}\n\`\`\``}
`
}

/** At most eight names, then a count: a 100-tool example stays readable. */
function listTools(names: readonly string[]): string {
  const shown = names.slice(0, 8).map((name) => `\`${name}\``)
  return names.length > 8 ? `${shown.join(', ')} and ${names.length - 8} more` : shown.join(', ')
}

/** Rule settings as the user writes them in mcp-lint.json. */
function configOf(settings: Partial<RuleSettings>): Record<string, unknown> {
  return {
    ...(settings.toolLimits === undefined ? {} : { toolLimits: settings.toolLimits }),
    ...(settings.slowStartMs === undefined ? {} : { slowStartSeconds: settings.slowStartMs / 1000 })
  }
}

function fence(path: string): string {
  return path.endsWith('.toml') ? 'toml' : 'jsonc'
}

/** The pre-commit hook: `mcp-lint check` on the staged files mcp-lint reads. */
function preCommitHooks(): string {
  return `# Generated by scripts/generate.ts from the paths mcp-lint reads: run \`npm run generate\`.
- id: mcp-lint
  name: mcp-lint
  description: Lint MCP server configs against each client's real behaviour and the central source.
  entry: mcp-lint check
  language: node
  files: '${knownPathPattern()}'
  pass_filenames: true
  require_serial: true
  minimum_pre_commit_version: '3.0.0'
`
}
