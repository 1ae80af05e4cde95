import { limitsFor } from '../model/limits.js'
import { quote } from '../util/quote.js'
import { platforms } from '../platforms/index.js'
import { locateFileStart } from '../model/location.js'
import { surfaceOf, type ServerSurface } from '../canonical/surface.js'
import { listedExample } from './examples.js'
import { defineRule } from './rule.js'

const tools = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, index) => `${prefix}_${String(index + 1).padStart(2, '0')}`)

export default defineRule({
  id: 'tools-limit',
  phase: 'workspace',
  severity: 'error',
  docs: {
    description: 'Limit the number of tools a platform loads from one config file',
    rationale:
      'Every tool definition costs context, and platforms cap how many they take: Windsurf loads at most ' +
      '100, Antigravity refuses a server that takes the enabled tools over 100, model APIs reject more than ' +
      "128 (OpenAI, VS Code's providers) or 512 (Gemini) tools per request, and Cursor warns above 80. The " +
      "count is what the client really sees: disabled servers are left out and the platform's own filters " +
      '(Gemini `includeTools`/`excludeTools`, Codex `enabled_tools`/`disabled_tools`, `disabledTools`) are ' +
      "applied. The message gives the count per server so it is clear what to trim. Each platform's default " +
      'thresholds, with their sources, are in the platform data; `toolLimits` in mcp-lint.json overrides them ' +
      '(`{ "cursor": { "warning": 60, "error": 120 } }`, `null` turns one off). Servers whose tools are unknown ' +
      '(not enumerated, not in the lockfile) are not counted.',
    details: limitsTable(),
    examples: {
      invalid: [
        {
          path: '.windsurf/mcp_config.json',
          text: '{\n  "mcpServers": {\n    "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"] },\n    "jira": { "command": "npx", "args": ["-y", "jira-mcp@4.0.1"] }\n  }\n}\n',
          enumeration: [
            listedExample('.windsurf/mcp_config.json', 'github', tools(60, 'github')),
            listedExample('.windsurf/mcp_config.json', 'jira', tools(45, 'jira'))
          ]
        }
      ],
      valid: [
        {
          path: '.windsurf/mcp_config.json',
          text: '{\n  "mcpServers": {\n    "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"] },\n    "jira": { "command": "npx", "args": ["-y", "jira-mcp@4.0.1"], "disabledTools": ["jira_01", "jira_02", "jira_03", "jira_04", "jira_05", "jira_06"] }\n  }\n}\n',
          enumeration: [
            listedExample('.windsurf/mcp_config.json', 'github', tools(60, 'github')),
            listedExample('.windsurf/mcp_config.json', 'jira', tools(45, 'jira'))
          ]
        }
      ]
    }
  },
  messages: {
    over: (d: {
      platform: string
      count: number
      limit: number
      level: string
      perServer: string
      consequence: string
      advice: string
      unknown: number
    }) =>
      `${d.platform} loads ${d.count} tools from this file, over its ${d.level} of ${d.limit}: ${d.perServer}. ${d.consequence}; ${d.advice}` +
      (d.unknown === 0
        ? ''
        : d.unknown === 1
          ? ' (1 more server is not counted: its tools are unknown)'
          : ` (${d.unknown} more servers are not counted: their tools are unknown)`)
  },
  check({ workspace, settings, report }) {
    for (const file of workspace.files) {
      const limits = limitsFor(file.platform, settings.toolLimits[file.platform.id])
      const { error, warning } = limits
      if (error === undefined && warning === undefined) continue
      const surfaces = surfaceOf(workspace, file).filter((surface) => surface.enabled)
      const known = surfaces.filter((surface) => surface.visible !== undefined)
      if (known.length === 0) continue
      const count = known.reduce((total, surface) => total + (surface.visible?.length ?? 0), 0)
      const level =
        error !== undefined && count > error
          ? { name: 'limit', limit: error, fromUser: limits.errorFromUser }
          : warning !== undefined && count > warning
            ? { name: 'warning threshold', limit: warning, fromUser: limits.warningFromUser }
            : undefined
      if (level === undefined) continue
      const filters = file.platform.tools?.filters
      const filterFields = [filters?.allow, filters?.deny].filter((field) => field !== undefined)
      report(
        'over',
        file.serversProperty?.key.location ?? locateFileStart(file.path),
        {
          platform: file.platform.displayName,
          count,
          limit: level.limit,
          level: level.name === 'limit' ? 'limit' : 'warning threshold',
          perServer: describeCounts(known),
          consequence: level.fromUser
            ? 'The threshold comes from mcp-lint.json'
            : upperFirst(limits.consequence ?? 'the platform degrades above it'),
          advice:
            filterFields.length > 0
              ? `trim tools with ${filterFields.map((field) => `"${field}"`).join(' or ')}, or drop servers this project does not need`
              : 'drop or disable servers this project does not need',
          unknown: surfaces.length - known.length
        },
        {
          ...(level.name === 'limit' ? {} : { milder: 1 }),
          unconfirmed: !level.fromUser && limits.certainty === 'unconfirmed'
        }
      )
    }
  }
})

/** `github 51, jira 45 (of 50 after filters)`, largest first. */
function describeCounts(surfaces: readonly ServerSurface[]): string {
  const rows = surfaces
    .map((surface) => ({
      name: surface.entry.name.value,
      visible: surface.visible?.length ?? 0,
      total: surface.tools?.length ?? 0
    }))
    .sort((a, b) => b.visible - a.visible || (a.name < b.name ? -1 : 1))
  const shown = rows
    .slice(0, 8)
    .map(
      (row) =>
        `${quote(row.name)} ${row.visible}` +
        (row.visible === row.total ? '' : ` (of ${row.total}, after filters)`)
    )
  return rows.length > 8 ? `${shown.join(', ')} and ${rows.length - 8} more` : shown.join(', ')
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The default thresholds per platform, with their sources, for the docs page. */
function limitsTable(): string {
  const rows = platforms.flatMap((platform) => {
    const limits = platform.tools?.limits
    if (limits === undefined) return []
    const cell = (limit: { value: number; source: string; checked: string } | undefined) =>
      limit === undefined ? '-' : `${limit.value}`
    const sources = [limits.warning, limits.error]
      .filter((limit) => limit !== undefined)
      .map((limit) => `${limit.source} (checked ${limit.checked})`)
    return [
      `| ${platform.displayName} | ${cell(limits.warning)} | ${cell(limits.error)}${limits.certainty === 'unconfirmed' ? ' (unconfirmed)' : ''} | ${[...new Set(sources)].join('; ')} |`
    ]
  })
  return [
    '### Default thresholds',
    '',
    "Above the warning threshold the finding is one level milder than the rule's severity.",
    '',
    '| Platform | Warning above | Error above | Source |',
    '| --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}
