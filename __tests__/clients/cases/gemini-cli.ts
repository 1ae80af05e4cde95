/**
 * Gemini CLI cases: `.gemini/settings.json` of the workspace (the launch directory), its
 * `mcpServers` map and the `mcp.*` settings. The driver (drivers/gemini-cli.ts) sets
 * MCP_LINT_LABEL=from-env, MCP_LINT_NODE=node and MCP_LINT_TOOLS=search,fetch for the
 * interpolation cases; every other variable is unset.
 */
import { json, stdio } from '../harness/launch.js'
import type { ClientCase, Topic } from '../harness/types.js'

const SETTINGS = '.gemini/settings.json'
const TOOLS = ['search', 'fetch']
/** Nothing listens here: a URL server the client tries and fails to reach. */
const CLOSED = 'http://127.0.0.1:59999/mcp'

/** A recording server whose label is its key, with extra fields. */
function server(key: string, extra: Record<string, unknown> = {}, tools = TOOLS) {
  return { ...stdio(tools, key), ...extra }
}

function settings(servers: Record<string, unknown>, rest: Record<string, unknown> = {}) {
  return { [SETTINGS]: json({ mcpServers: servers, ...rest }) }
}

/** The launch as JSON text, for cases written by hand (comments, duplicates, bad syntax). */
function launchText(key: string, tools = TOOLS): string {
  return `"command": "node", "args": ["@SERVER@", "@LOG@", "${key}", "${tools.join(',')}"]`
}

function make(
  topic: Topic,
  id: string,
  title: string,
  files: Record<string, string>,
  tools = false
): ClientCase {
  return tools ? { id, topic, title, files, tools } : { id, topic, title, files }
}

const syntax: ClientCase[] = [
  make('syntax', 'syntax-plain', 'a plain JSON settings file with one server', {
    ...settings({ alpha: server('alpha') })
  }),
  make('syntax', 'syntax-line-comment', '// comments are stripped before JSON.parse', {
    [SETTINGS]: `{\n  // the servers\n  "mcpServers": {\n    "alpha": { ${launchText('alpha')} } // inline\n  }\n}\n`
  }),
  make('syntax', 'syntax-block-comment', '/* */ comments are stripped before JSON.parse', {
    [SETTINGS]: `/* settings */\n{\n  "mcpServers": {\n    /* one */ "alpha": { ${launchText('alpha')} }\n  }\n}\n`
  }),
  make('syntax', 'syntax-comment-marker-in-string', '// inside a string is not a comment', {
    ...settings({ alpha: server('alpha', { description: 'see http://example.com // here' }) })
  }),
  make('syntax', 'syntax-trailing-comma-server', 'a trailing comma inside a server entry', {
    [SETTINGS]: `{\n  "mcpServers": {\n    "alpha": { ${launchText('alpha')}, }\n  }\n}\n`
  }),
  make('syntax', 'syntax-trailing-comma-map', 'a trailing comma after the last server', {
    [SETTINGS]: `{\n  "mcpServers": {\n    "alpha": { ${launchText('alpha')} },\n  }\n}\n`
  }),
  make('syntax', 'syntax-trailing-comma-args', 'a trailing comma in an args array', {
    [SETTINGS]: `{\n  "mcpServers": {\n    "alpha": { "command": "node", "args": ["@SERVER@", "@LOG@", "alpha", "search",] }\n  }\n}\n`
  }),
  make('syntax', 'syntax-truncated', 'a settings file cut short', {
    [SETTINGS]: `{\n  "mcpServers": {\n    "alpha": { ${launchText('alpha')} }\n`
  }),
  make('syntax', 'syntax-empty-file', 'an empty settings file', { [SETTINGS]: '' }),
  make('syntax', 'syntax-top-level-array', 'a settings file holding an array', {
    [SETTINGS]: json([{ mcpServers: { alpha: server('alpha') } }])
  }),
  make('syntax', 'syntax-bom', 'a UTF-8 byte order mark before the object', {
    [SETTINGS]: `\uFEFF${json({ mcpServers: { alpha: server('alpha') } })}`
  }),
  make('syntax', 'syntax-duplicate-key', 'the same server key twice: the last one wins', {
    [SETTINGS]: `{\n  "mcpServers": {\n    "alpha": { "command": "node", "args": ["@SERVER@", "@LOG@", "alpha-first", "search"] },\n    "alpha": { "command": "node", "args": ["@SERVER@", "@LOG@", "alpha", "search"] }\n  }\n}\n`
  }),
  make('syntax', 'syntax-duplicate-mcpservers', 'mcpServers twice: the last map wins', {
    [SETTINGS]: `{\n  "mcpServers": { "alpha": { ${launchText('alpha')} } },\n  "mcpServers": { "beta": { ${launchText('beta')} } }\n}\n`
  }),
  make('syntax', 'syntax-escaped-key', 'a key spelled with a \\u escape', {
    [SETTINGS]: `{ "mcpServers": { "\\u0061lpha": { ${launchText('alpha')} } } }\n`
  }),
  make('syntax', 'syntax-mcpservers-null', 'mcpServers is null', {
    [SETTINGS]: json({ mcpServers: null })
  }),
  make('syntax', 'syntax-mcpservers-array', 'mcpServers is an array of entries', {
    [SETTINGS]: json({ mcpServers: [server('alpha')] })
  }),
  make(
    'syntax',
    'syntax-mcpservers-array-tools',
    'the items of an mcpServers array are servers "0", "1"',
    { [SETTINGS]: json({ mcpServers: [server('alpha'), server('beta', {}, ['lookup'])] }) },
    true
  ),
  make('syntax', 'syntax-other-settings', 'unrelated settings next to mcpServers', {
    ...settings(
      { alpha: server('alpha') },
      { ui: { theme: 'Default' }, general: { vimMode: true } }
    )
  }),
  make('syntax', 'syntax-bad-other-setting', 'a wrongly typed unrelated setting', {
    ...settings({ alpha: server('alpha') }, { general: { vimMode: 'yes' } })
  })
]

const NAMES: readonly [string, string][] = [
  ['plain', 'alpha'],
  ['dash', 'my-server'],
  ['underscore', 'my_server'],
  ['dot', 'my.server'],
  ['space', 'my server'],
  ['colon', 'my:server'],
  ['slash', 'my/server'],
  ['at', '@scope/server'],
  ['upper', 'MyServer'],
  ['digits', '123'],
  ['accent', 'café'],
  ['cjk', '服务器'],
  ['emoji', 'rocket🚀'],
  ['empty', ''],
  ['mcp-prefix', 'mcp_tools'],
  ['long', 'a-server-name-that-is-much-longer-than-sixty-four-characters-in-total']
]

const names: ClientCase[] = NAMES.map(([id, key]) =>
  make('names', `name-${id}`, `a server keyed ${JSON.stringify(key)} loads`, {
    // The recording server logs its label: an empty key gets a visible one.
    ...settings({ [key]: key === '' ? stdio(TOOLS, 'empty') : server(key) })
  })
)

const fields: ClientCase[] = [
  make('fields', 'field-unknown', 'an unknown field in a server entry', {
    ...settings({ alpha: server('alpha', { color: 'blue' }) })
  }),
  make('fields', 'field-disabled-true', '"disabled": true is not a Gemini CLI field', {
    ...settings({ alpha: server('alpha', { disabled: true }) })
  }),
  make('fields', 'field-enabled-false', '"enabled": false is not a Gemini CLI field', {
    ...settings({ alpha: server('alpha', { enabled: false }) })
  }),
  make('fields', 'field-trust', '"trust": true', {
    ...settings({ alpha: server('alpha', { trust: true }) })
  }),
  make('fields', 'field-description', 'a description', {
    ...settings({ alpha: server('alpha', { description: 'the alpha server' }) })
  }),
  make('fields', 'field-timeout', 'a generous timeout', {
    ...settings({ alpha: server('alpha', { timeout: 30000 }) })
  }),
  make('fields', 'field-env', 'an env map', {
    ...settings({ alpha: server('alpha', { env: { ALPHA_MODE: 'test' } }) })
  }),
  make('fields', 'field-cwd', 'cwd set to an existing subdirectory', {
    ...settings({ alpha: server('alpha', { cwd: 'tools' }) }),
    'tools/README.md': 'tools\n'
  }),
  make('fields', 'field-cwd-missing', 'cwd set to a directory that does not exist', {
    ...settings({ alpha: server('alpha', { cwd: 'no-such-dir' }) })
  }),
  make('fields', 'field-headers-on-stdio', 'headers on a stdio server', {
    ...settings({ alpha: server('alpha', { headers: { 'X-Key': 'k' } }) })
  }),
  make('fields', 'field-type-stdio', '"type": "stdio" with a command', {
    ...settings({ alpha: server('alpha', { type: 'stdio' }) })
  }),
  make('fields', 'field-no-launch', 'an entry with neither command nor url', {
    ...settings({ alpha: server('alpha'), beta: { description: 'nothing to run' } })
  }),
  make('fields', 'field-args-without-command', 'args without a command', {
    ...settings({ alpha: server('alpha'), beta: { args: ['@SERVER@', '@LOG@', 'beta', 'x'] } })
  }),
  make('fields', 'field-empty-command', 'an empty command', {
    ...settings({ alpha: server('alpha'), beta: server('beta', { command: '' }) })
  }),
  make('fields', 'field-tcp-only', 'only a tcp address', {
    ...settings({ alpha: server('alpha'), beta: { tcp: '127.0.0.1:59999' } })
  }),
  make('fields', 'field-empty-entry', 'an empty server object', {
    ...settings({ alpha: server('alpha'), beta: {} })
  }),
  make('fields', 'field-several-servers', 'three servers all load', {
    ...settings({ alpha: server('alpha'), beta: server('beta'), gamma: server('gamma') })
  })
]

const types: ClientCase[] = [
  make('types', 'type-command-number', 'command is a number', {
    ...settings({ alpha: server('alpha'), beta: server('beta', { command: 42 }) })
  }),
  make('types', 'type-command-array', 'command is an array', {
    ...settings({ alpha: server('alpha'), beta: server('beta', { command: ['node'] }) })
  }),
  make('types', 'type-args-string', 'args is a string', {
    ...settings({
      alpha: server('alpha'),
      beta: { command: 'node', args: '@SERVER@ @LOG@ beta search' }
    })
  }),
  make('types', 'type-args-number-item', 'args holds a number', {
    ...settings({
      alpha: server('alpha'),
      beta: { command: 'node', args: ['@SERVER@', '@LOG@', 'beta', 'search', 7] }
    })
  }),
  make('types', 'type-env-array', 'env is an array', {
    ...settings({ alpha: server('alpha'), beta: server('beta', { env: ['A=1'] }) })
  }),
  make('types', 'type-env-number-value', 'an env value is a number', {
    ...settings({ alpha: server('alpha'), beta: server('beta', { env: { PORT: 8080 } }) })
  }),
  make('types', 'type-timeout-string', 'timeout is a string', {
    ...settings({ alpha: server('alpha'), beta: server('beta', { timeout: '30000' }) })
  }),
  make('types', 'type-trust-string', 'trust is the string "true"', {
    ...settings({ alpha: server('alpha'), beta: server('beta', { trust: 'true' }) })
  }),
  make('types', 'type-cwd-number', 'cwd is a number', {
    ...settings({ alpha: server('alpha'), beta: server('beta', { cwd: 1 }) })
  }),
  make('types', 'type-url-number', 'url is a number', {
    ...settings({ alpha: server('alpha'), beta: { url: 8080 } })
  }),
  make('types', 'type-entry-string', 'a server entry that is a string', {
    ...settings({ alpha: server('alpha'), beta: 'node server.js' })
  }),
  make('types', 'type-entry-array', 'a server entry that is an array', {
    ...settings({ alpha: server('alpha'), beta: ['node', 'server.js'] })
  }),
  make('types', 'type-entry-null', 'a server entry that is null', {
    ...settings({ alpha: server('alpha'), beta: null })
  }),
  make('types', 'type-entry-number', 'a server entry that is a number', {
    ...settings({ alpha: server('alpha'), beta: 7 })
  }),
  make('types', 'type-entry-null-first', 'a null entry before a working one', {
    ...settings({ beta: null, alpha: server('alpha') })
  }),
  make('types', 'type-type-unknown', 'type is an unknown transport', {
    ...settings({ alpha: server('alpha'), beta: server('beta', { type: 'websocket' }) })
  }),
  make(
    'types',
    'type-include-string',
    'includeTools is a string',
    { ...settings({ alpha: server('alpha', { includeTools: 'search' }) }) },
    true
  ),
  make(
    'types',
    'type-exclude-string',
    'excludeTools is a string: matched as a substring',
    { ...settings({ alpha: server('alpha', { excludeTools: 'searching' }) }) },
    true
  )
]

const transports: ClientCase[] = [
  make('transports', 'transport-url', 'url alone (streamable HTTP, then SSE)', {
    ...settings({ alpha: server('alpha'), remote: { url: CLOSED } })
  }),
  make('transports', 'transport-http-url', 'httpUrl', {
    ...settings({ alpha: server('alpha'), remote: { httpUrl: CLOSED } })
  }),
  make('transports', 'transport-url-type-sse', 'url with "type": "sse"', {
    ...settings({ alpha: server('alpha'), remote: { url: CLOSED, type: 'sse' } })
  }),
  make('transports', 'transport-url-type-http', 'url with "type": "http"', {
    ...settings({ alpha: server('alpha'), remote: { url: CLOSED, type: 'http' } })
  }),
  make('transports', 'transport-url-and-http-url', 'both url and httpUrl', {
    ...settings({ alpha: server('alpha'), remote: { url: CLOSED, httpUrl: CLOSED } })
  }),
  make('transports', 'transport-invalid-url', 'a url that is not a URL', {
    ...settings({ alpha: server('alpha'), remote: { url: 'not a url' } })
  }),
  make('transports', 'transport-invalid-http-url', 'an httpUrl that is not a URL', {
    ...settings({ alpha: server('alpha'), remote: { httpUrl: 'localhost:59999' } })
  }),
  make('transports', 'transport-command-and-url', 'command and url together: the url wins', {
    ...settings({ alpha: server('alpha', { url: CLOSED }) })
  }),
  make('transports', 'transport-type-http-with-command', '"type": "http" with only a command', {
    ...settings({ alpha: server('alpha', { type: 'http' }) })
  }),
  make('transports', 'transport-type-sse-with-command', '"type": "sse" with only a command', {
    ...settings({ alpha: server('alpha', { type: 'sse' }) })
  }),
  make('transports', 'transport-missing-command', 'a command that does not exist', {
    ...settings({ alpha: server('alpha'), beta: server('beta', { command: 'no-such-command-x' }) })
  })
]

const interpolation: ClientCase[] = [
  make('interpolation', 'interp-brace-args', '${VAR} in args is expanded', {
    ...settings({
      alpha: { command: 'node', args: ['@SERVER@', '@LOG@', '${MCP_LINT_LABEL}', 'search'] }
    })
  }),
  make('interpolation', 'interp-bare-args', '$VAR in args is expanded', {
    ...settings({
      alpha: { command: 'node', args: ['@SERVER@', '@LOG@', '$MCP_LINT_LABEL', 'search'] }
    })
  }),
  make('interpolation', 'interp-default-args', '${UNSET:-default} takes the default', {
    ...settings({
      alpha: { command: 'node', args: ['@SERVER@', '@LOG@', '${MCP_LINT_UNSET:-dflt}', 'search'] }
    })
  }),
  make('interpolation', 'interp-unset-brace-args', '${UNSET} stays as written', {
    ...settings({
      alpha: { command: 'node', args: ['@SERVER@', '@LOG@', '${MCP_LINT_UNSET}', 'search'] }
    })
  }),
  make('interpolation', 'interp-unset-bare-args', '$UNSET stays as written', {
    ...settings({
      alpha: { command: 'node', args: ['@SERVER@', '@LOG@', 'x$MCP_LINT_UNSET', 'search'] }
    })
  }),
  make('interpolation', 'interp-command-brace', '${VAR} in command is expanded', {
    ...settings({ alpha: server('alpha', { command: '${MCP_LINT_NODE}' }) })
  }),
  make('interpolation', 'interp-command-default', '${UNSET:-node} in command', {
    ...settings({ alpha: server('alpha', { command: '${MCP_LINT_UNSET:-node}' }) })
  }),
  make('interpolation', 'interp-command-unset', '${UNSET} in command: nothing to run', {
    ...settings({
      alpha: server('alpha'),
      beta: server('beta', { command: '${MCP_LINT_UNSET}' })
    })
  }),
  make('interpolation', 'interp-env-value', '${VAR} in an env value', {
    ...settings({ alpha: server('alpha', { env: { LABEL: '${MCP_LINT_LABEL}' } }) })
  }),
  make('interpolation', 'interp-cwd-unset', '${UNSET} in cwd', {
    ...settings({ alpha: server('alpha'), beta: server('beta', { cwd: '${MCP_LINT_UNSET}' }) })
  }),
  make('interpolation', 'interp-key-not-expanded', 'a server key is not expanded', {
    ...settings({ '${MCP_LINT_LABEL}': server('${MCP_LINT_LABEL}') })
  }),
  make('interpolation', 'interp-url', '${VAR:-default} in url', {
    ...settings({ alpha: server('alpha'), remote: { url: '${MCP_LINT_UNSET:-' + CLOSED + '}' } })
  }),
  make('interpolation', 'interp-dotenv', 'a variable from .gemini/.env in args', {
    ...settings({
      alpha: { command: 'node', args: ['@SERVER@', '@LOG@', '${MCP_LINT_DOTENV}', 'search'] }
    }),
    '.gemini/.env': 'MCP_LINT_DOTENV=from-dotenv\n'
  }),
  make(
    'interpolation',
    'interp-include-tools',
    '${VAR:-default} in includeTools is expanded too',
    {
      ...settings({ alpha: server('alpha', { includeTools: ['${MCP_LINT_UNSET:-search}'] }) })
    },
    true
  ),
  make('interpolation', 'interp-workspace-path', '${workspacePath} is not a settings variable', {
    ...settings({
      alpha: { command: 'node', args: ['@SERVER@', '@LOG@', '${workspacePath}', 'search'] }
    })
  })
]

const allowLists: ClientCase[] = [
  ...(
    [
      ['include-one', 'includeTools names one tool', { includeTools: ['search'] }],
      ['include-empty', 'an empty includeTools exposes no tool', { includeTools: [] }],
      ['include-unknown', 'includeTools naming no tool the server has', { includeTools: ['nope'] }],
      ['include-both', 'includeTools naming every tool', { includeTools: ['search', 'fetch'] }],
      [
        'include-args-form',
        'includeTools "search(query)" matches search',
        { includeTools: ['search(query)'] }
      ],
      [
        'include-open-paren',
        'includeTools "search(" matches search',
        { includeTools: ['search('] }
      ],
      [
        'include-paren-suffix',
        'includeTools "search(x)y" matches search',
        { includeTools: ['search(x)y'] }
      ],
      ['include-case', 'includeTools is case-sensitive', { includeTools: ['Search'] }],
      [
        'include-qualified',
        'includeTools with the exposed name',
        { includeTools: ['mcp_alpha_search'] }
      ],
      ['include-wildcard', 'includeTools "*" is no wildcard', { includeTools: ['*'] }],
      ['exclude-one', 'excludeTools removes one tool', { excludeTools: ['search'] }],
      ['exclude-empty', 'an empty excludeTools removes nothing', { excludeTools: [] }],
      [
        'exclude-args-form',
        'excludeTools "search(query)" removes nothing',
        { excludeTools: ['search(query)'] }
      ],
      [
        'exclude-over-include',
        'excludeTools wins over includeTools',
        { includeTools: ['search', 'fetch'], excludeTools: ['search'] }
      ],
      ['exclude-all', 'excludeTools naming every tool', { excludeTools: ['search', 'fetch'] }]
    ] as const
  ).map(([id, title, extra]) =>
    make(
      'allow-lists',
      `allow-${id}`,
      title,
      { ...settings({ alpha: server('alpha', extra) }) },
      true
    )
  ),
  make('allow-lists', 'allow-mcp-allowed', 'mcp.allowed keeps the servers it names', {
    ...settings({ alpha: server('alpha'), beta: server('beta') }, { mcp: { allowed: ['alpha'] } })
  }),
  make('allow-lists', 'allow-mcp-allowed-empty', 'an empty mcp.allowed blocks nothing', {
    ...settings({ alpha: server('alpha'), beta: server('beta') }, { mcp: { allowed: [] } })
  }),
  make('allow-lists', 'allow-mcp-allowed-case', 'mcp.allowed compares names exactly', {
    ...settings({ alpha: server('alpha'), beta: server('beta') }, { mcp: { allowed: ['ALPHA'] } })
  }),
  make('allow-lists', 'allow-mcp-excluded', 'mcp.excluded drops the servers it names', {
    ...settings({ alpha: server('alpha'), beta: server('beta') }, { mcp: { excluded: ['beta'] } })
  }),
  make('allow-lists', 'allow-mcp-both', 'mcp.excluded wins over mcp.allowed', {
    ...settings(
      { alpha: server('alpha'), beta: server('beta') },
      { mcp: { allowed: ['alpha', 'beta'], excluded: ['beta'] } }
    )
  }),
  make('allow-lists', 'allow-mcp-allowed-unknown', 'mcp.allowed naming no configured server', {
    ...settings({ alpha: server('alpha') }, { mcp: { allowed: ['zeta'] } })
  })
]

const discovery: ClientCase[] = [
  make('discovery', 'discovery-workspace', '.gemini/settings.json of the launch directory', {
    ...settings({ alpha: server('alpha') })
  }),
  make(
    'discovery',
    'discovery-subdirectory',
    '.gemini/settings.json of a subdirectory is not read',
    {
      'packages/app/.gemini/settings.json': json({ mcpServers: { alpha: server('alpha') } })
    }
  ),
  make('discovery', 'discovery-root-settings', 'settings.json at the repository root is not read', {
    'settings.json': json({ mcpServers: { alpha: server('alpha') } })
  }),
  make('discovery', 'discovery-mcp-json', '.mcp.json is not read', {
    '.mcp.json': json({ mcpServers: { alpha: server('alpha') } })
  }),
  make('discovery', 'discovery-vscode', '.vscode/mcp.json is not read', {
    '.vscode/mcp.json': json({ servers: { alpha: server('alpha') } })
  }),
  make('discovery', 'discovery-jsonc-name', '.gemini/settings.jsonc is not read', {
    '.gemini/settings.jsonc': json({ mcpServers: { alpha: server('alpha') } })
  }),
  make('discovery', 'discovery-gemini-md', 'GEMINI.md does not configure servers', {
    'GEMINI.md': '# Project\n\nUse the alpha MCP server.\n'
  }),
  make(
    'discovery',
    'discovery-extension-root',
    'gemini-extension.json in the repository is not loaded',
    {
      'gemini-extension.json': json({
        name: 'local',
        version: '1.0.0',
        mcpServers: { alpha: server('alpha') }
      })
    }
  ),
  make(
    'discovery',
    'discovery-workspace-extension',
    '.gemini/extensions/<name>/gemini-extension.json is not loaded',
    {
      '.gemini/extensions/local/gemini-extension.json': json({
        name: 'local',
        version: '1.0.0',
        mcpServers: { alpha: server('alpha') }
      })
    }
  ),
  make('discovery', 'discovery-servers-key', 'a "servers" map is not read', {
    [SETTINGS]: json({ servers: { alpha: server('alpha') } })
  }),
  make('discovery', 'discovery-nested-mcp-servers', 'mcp.servers is not a server map', {
    [SETTINGS]: json({ mcp: { servers: { alpha: server('alpha') } } })
  }),
  make('discovery', 'discovery-server-command', 'mcp.serverCommand adds a server named "mcp"', {
    [SETTINGS]: json({ mcp: { serverCommand: 'node @SERVER@ @LOG@ mcp search' } })
  }),
  make(
    'discovery',
    'discovery-server-command-tools',
    'the tools of the mcp.serverCommand server reach the model',
    {
      ...settings(
        { alpha: server('alpha') },
        { mcp: { serverCommand: 'node \'@SERVER@\' "@LOG@" mcp search,fetch' } }
      )
    },
    true
  ),
  make(
    'discovery',
    'discovery-server-command-replaces',
    'mcp.serverCommand replaces a server keyed "mcp"',
    {
      ...settings(
        { alpha: server('alpha'), mcp: server('from-map', {}, ['lookup']) },
        { mcp: { serverCommand: 'node @SERVER@ @LOG@ from-command search' } }
      )
    },
    true
  ),
  make('discovery', 'discovery-server-command-pipe', 'a pipe in mcp.serverCommand', {
    ...settings(
      { alpha: server('alpha') },
      { mcp: { serverCommand: 'node @SERVER@ @LOG@ mcp search | cat' } }
    )
  }),
  make('discovery', 'discovery-server-command-glob', 'a glob in mcp.serverCommand', {
    ...settings({ alpha: server('alpha') }, { mcp: { serverCommand: 'node @SERVER@ @LOG@ mcp *' } })
  }),
  make('discovery', 'discovery-server-command-comment', 'a # comment in mcp.serverCommand', {
    ...settings(
      { alpha: server('alpha') },
      { mcp: { serverCommand: 'node @SERVER@ @LOG@ mcp search # the legacy server' } }
    )
  }),
  make('discovery', 'discovery-server-command-empty', 'an empty mcp.serverCommand', {
    ...settings({ alpha: server('alpha') }, { mcp: { serverCommand: '' } })
  }),
  make('discovery', 'discovery-admin-disabled', 'admin.mcp.enabled false in workspace settings', {
    ...settings({ alpha: server('alpha') }, { admin: { mcp: { enabled: false } } })
  })
]

/** A tool-name case: one server keyed `key` listing `tools`. */
function naming(id: string, title: string, servers: Record<string, readonly string[]>): ClientCase {
  return make(
    'naming',
    `naming-${id}`,
    title,
    {
      ...settings(
        Object.fromEntries(
          Object.entries(servers).map(([key, tools]) => [key, server(key, {}, [...tools])])
        )
      )
    },
    true
  )
}

const LONG_TOOL = 'a_tool_name_long_enough_to_push_the_whole_name_over'
const namingCases: ClientCase[] = [
  naming('plain', 'mcp_<server>_<tool>', { alpha: ['search', 'fetch'] }),
  naming('dot-server', 'a dot in the server name is kept', { 'my.server': ['search'] }),
  naming('space-server', 'a space in the server name becomes _', { 'my server': ['search'] }),
  naming('slash-server', 'a slash in the server name becomes _', { 'my/server': ['search'] }),
  naming('accent-server', 'non-ASCII letters become _', { café: ['search'] }),
  naming('colon-server', 'a colon is kept', { 'my:server': ['search'] }),
  naming('mcp-prefix-server', 'a server named mcp_… gets no second prefix', {
    mcp_tools: ['search']
  }),
  naming('digit-server', 'a server name starting with a digit', { '123': ['search'] }),
  naming('upper-server', 'case is kept', { MyServer: ['Search'] }),
  naming('tool-space', 'a space in a tool name becomes _', { alpha: ['do thing'] }),
  naming('tool-slash', 'a slash in a tool name becomes _', { alpha: ['files/read'] }),
  naming('tool-dot-dash', 'dots and dashes in tool names are kept', { alpha: ['read.file-now'] }),
  naming('length-63', 'a name of exactly 63 characters is kept', {
    alpha: ['t'.repeat(63 - 'mcp_alpha_'.length)]
  }),
  naming('length-64', 'a name of 64 characters is cut to 30...30', {
    alpha: ['t'.repeat(64 - 'mcp_alpha_'.length - 1) + 'z']
  }),
  naming('length-long', 'a long name is cut to 30...30', { alpha: [LONG_TOOL + '_limit'] }),
  naming('collision-join', 'server a tool b_c and server a_b tool c give one name', {
    a: ['b_c'],
    a_b: ['c']
  }),
  naming('collision-sanitized', '"my server" and "my_server" with the same tool', {
    'my server': ['search'],
    my_server: ['search']
  }),
  naming('collision-truncated', 'two long names alike at both ends', {
    alpha: ['x'.repeat(40) + 'one' + 'y'.repeat(30), 'x'.repeat(40) + 'two' + 'y'.repeat(30)]
  }),
  naming('same-tool-two-servers', 'the same tool on two servers stays apart', {
    alpha: ['search'],
    beta: ['search']
  })
]

export const geminiCliCases: readonly ClientCase[] = [
  ...syntax,
  ...names,
  ...fields,
  ...types,
  ...transports,
  ...interpolation,
  ...allowLists,
  ...discovery,
  ...namingCases
]
