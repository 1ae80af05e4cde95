// Writes what is generated from the rule registry and the platform adapters: rule docs, the rules
// index, the README's rule table, and the JSON Schemas in schemas/. `--check` writes nothing and
// fails when a generated file is stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { lintConfigSchema } from '../src/config/schema.js'
import { lintFiles } from '../src/lint-text.js'
import { platforms } from '../src/platforms/index.js'
import { docsUrl, rules } from '../src/rules/index.js'
import type { Example, Rule, RuleSettings } from '../src/rules/rule.js'

const check = process.argv.includes('--check')
const outputs = new Map<string, string>()

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`
for (const platform of platforms)
  outputs.set(`schemas/${platform.id}.schema.json`, json(platform.schema))
outputs.set('schemas/mcp-lint.schema.json', json(lintConfigSchema()))

for (const rule of rules) outputs.set(`docs/rules/${rule.id}.md`, ruleDoc(rule))
outputs.set('docs/rules/README.md', `# Rules\n\n${ruleTable('')}\n`)

const readmePath = 'README.md'
const readme = readFileSync(readmePath, 'utf8')
const start = '<!-- rules:start -->'
const end = '<!-- rules:end -->'
const from = readme.indexOf(start)
const to = readme.indexOf(end)
if (from === -1 || to === -1) throw new Error('README.md lacks the rules markers')
outputs.set(
  readmePath,
  `${readme.slice(0, from + start.length)}\n${ruleTable('docs/rules/')}\n${readme.slice(to)}`
)

const stale: string[] = []
for (const [path, raw] of outputs) {
  // Generated files are formatted as prettier would, so `npm run lint` and `--check` agree.
  const content = await format(raw, { ...(await resolveConfig(path)), filepath: path })
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
${others}${lockfile}${enumerated}${settings}
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
