import { json, stdio } from '../harness/launch.js'
import type { ClientCase, Topic } from '../harness/types.js'

/**
 * Claude Code reads project MCP servers from `.mcp.json` at the repository root (the driver trusts
 * the repository and approves every project server). A server's label is its config key unless the
 * case says otherwise; `control` is a plain server next to the one under test, showing that the
 * file itself loaded. The driver sets `MCP_LINT_SET=from-env` and `MCP_LINT_EMPTY=` for the client;
 * `MCP_LINT_UNSET` is never set.
 */
const FILE = '.mcp.json'

/** A stdio entry launching the recording server, plus extra fields. */
function server(
  name: string,
  tools: readonly string[] = ['ping'],
  extra: Record<string, unknown> = {}
): Record<string, unknown> {
  return { ...stdio(tools, name), ...extra }
}

const control = { control: server('control') }

/** A remote entry nothing listens on: loaded, then fails to connect. */
function remote(type: string | undefined, extra: Record<string, unknown> = {}) {
  return {
    ...(type !== undefined && { type }),
    url: type === 'ws' ? 'ws://127.0.0.1:9/mcp' : 'http://127.0.0.1:9/mcp',
    ...extra
  }
}

function mcp(servers: Record<string, unknown>, top: Record<string, unknown> = {}): string {
  return json({ mcpServers: servers, ...top })
}

function one(
  id: string,
  topic: Topic,
  title: string,
  text: string,
  tools = false,
  path = FILE
): ClientCase {
  return { id, topic, title, files: { [path]: text }, ...(tools ? { tools } : {}) }
}

/** The text of `.mcp.json` with `alpha` (tools one, two) and `control`, as JSON lines to edit. */
const alphaLaunch = JSON.stringify(stdio(['one', 'two'], 'alpha'))
const controlLaunch = JSON.stringify(stdio(['ping'], 'control'))

const syntax: ClientCase[] = [
  one(
    'syntax-basic',
    'syntax',
    'one stdio server loads',
    mcp({ alpha: server('alpha', ['one', 'two']) }),
    true
  ),
  one(
    'syntax-trailing-comma-servers',
    'syntax',
    'a trailing comma after the last server rejects the whole file',
    `{\n  "mcpServers": {\n    "alpha": ${alphaLaunch},\n    "control": ${controlLaunch},\n  }\n}\n`
  ),
  one(
    'syntax-trailing-comma-args',
    'syntax',
    'a trailing comma inside args rejects the whole file',
    `{\n  "mcpServers": {\n    "alpha": { "command": "node", "args": ["@SERVER@", "@LOG@", "alpha", "one",] },\n    "control": ${controlLaunch}\n  }\n}\n`
  ),
  one(
    'syntax-trailing-comma-top',
    'syntax',
    'a trailing comma after mcpServers rejects the whole file',
    `{\n  "mcpServers": {\n    "control": ${controlLaunch}\n  },\n}\n`
  ),
  one(
    'syntax-line-comment',
    'syntax',
    'a // comment rejects the whole file',
    `{\n  // project servers\n  "mcpServers": {\n    "control": ${controlLaunch}\n  }\n}\n`
  ),
  one(
    'syntax-block-comment',
    'syntax',
    'a /* */ comment rejects the whole file',
    `{\n  "mcpServers": {\n    /* the only one */\n    "control": ${controlLaunch}\n  }\n}\n`
  ),
  one(
    'syntax-comment-after-value',
    'syntax',
    'a trailing // comment on a server line rejects the whole file',
    `{\n  "mcpServers": {\n    "alpha": ${alphaLaunch}, // first\n    "control": ${controlLaunch}\n  }\n}\n`
  ),
  one(
    'syntax-bom',
    'syntax',
    'a UTF-8 byte order mark before the JSON is accepted',
    `\uFEFF${mcp(control)}`
  ),
  one('syntax-empty-file', 'syntax', 'an empty .mcp.json defines no servers, no error', ''),
  one(
    'syntax-whitespace-file',
    'syntax',
    'a blank .mcp.json defines no servers, no error',
    '\n  \n'
  ),
  one(
    'syntax-top-level-array',
    'syntax',
    'a top-level array is rejected',
    json([{ mcpServers: control }])
  ),
  one('syntax-top-level-null', 'syntax', 'a top-level null is rejected', 'null\n'),
  one('syntax-top-level-string', 'syntax', 'a top-level string is rejected', '"mcpServers"\n'),
  one(
    'syntax-truncated',
    'syntax',
    'a truncated file is rejected',
    `{\n  "mcpServers": {\n    "control": ${controlLaunch}\n`
  ),
  one(
    'syntax-single-quotes',
    'syntax',
    'single-quoted strings reject the whole file',
    `{\n  'mcpServers': {\n    "control": ${controlLaunch}\n  }\n}\n`
  ),
  one(
    'syntax-unquoted-key',
    'syntax',
    'an unquoted key rejects the whole file',
    `{\n  mcpServers: {\n    "control": ${controlLaunch}\n  }\n}\n`
  ),
  one(
    'syntax-duplicate-server',
    'syntax',
    'a server key written twice: the last entry wins',
    `{\n  "mcpServers": {\n    "alpha": ${JSON.stringify(stdio(['first'], 'alpha-first'))},\n    "alpha": ${JSON.stringify(stdio(['second'], 'alpha'))}\n  }\n}\n`,
    true
  ),
  one(
    'syntax-duplicate-mcpservers',
    'syntax',
    'mcpServers written twice: only the last map counts',
    `{\n  "mcpServers": { "alpha": ${alphaLaunch} },\n  "mcpServers": { "control": ${controlLaunch} }\n}\n`
  ),
  one(
    'syntax-duplicate-field',
    'syntax',
    'a field written twice in one server: the last value wins',
    `{\n  "mcpServers": {\n    "alpha": { "command": "missing-binary", "command": "node", "args": ["@SERVER@", "@LOG@", "alpha", "one"] }\n  }\n}\n`
  )
]

const fields: ClientCase[] = [
  one('fields-mcpservers-missing', 'fields', 'a file without mcpServers is rejected', json({})),
  one(
    'fields-mcpservers-empty',
    'fields',
    'an empty mcpServers map loads nothing, no error',
    mcp({})
  ),
  one(
    'fields-servers-key',
    'fields',
    'VS Code\'s "servers" key instead of mcpServers is rejected',
    json({ servers: control })
  ),
  one(
    'fields-mcpservers-array',
    'fields',
    'mcpServers as an array is rejected',
    json({ mcpServers: [server('control')] })
  ),
  one(
    'fields-mcpservers-null',
    'fields',
    'mcpServers null is rejected',
    json({ mcpServers: null })
  ),
  one(
    'fields-extra-top-level',
    'fields',
    'other top-level keys ($schema, inputs) are ignored',
    mcp(control, { $schema: 'https://example.com/schema.json', inputs: [] })
  ),
  one(
    'fields-server-null',
    'fields',
    'a server that is null is skipped, the others load',
    mcp({ alpha: null, ...control })
  ),
  one(
    'fields-server-string',
    'fields',
    'a server that is a string is skipped, the others load',
    mcp({ alpha: 'node server.js', ...control })
  ),
  one(
    'fields-server-empty-object',
    'fields',
    'a server without command or url is skipped',
    mcp({ alpha: {}, ...control })
  ),
  one(
    'fields-unknown-field',
    'fields',
    'an unknown field is ignored: the server loads',
    mcp({ alpha: server('alpha', ['one'], { transportKind: 'pipe' }), ...control })
  ),
  one(
    'fields-cwd',
    'fields',
    '"cwd" is ignored: the server loads',
    mcp({ alpha: server('alpha', ['one'], { cwd: 'sub' }), ...control })
  ),
  one(
    'fields-disabled-true',
    'fields',
    '"disabled": true is not a Claude Code field: the server still loads',
    mcp({ alpha: server('alpha', ['one'], { disabled: true }), ...control })
  ),
  one(
    'fields-description',
    'fields',
    'a "description" field is ignored',
    mcp({ alpha: server('alpha', ['one'], { description: 'Alpha tools' }), ...control })
  ),
  one(
    'fields-timeout-number',
    'fields',
    'a numeric "timeout" is accepted',
    mcp({ alpha: server('alpha', ['one'], { timeout: 30000 }), ...control })
  ),
  one(
    'fields-always-load',
    'fields',
    '"alwaysLoad": true is accepted',
    mcp({ alpha: server('alpha', ['one'], { alwaysLoad: true }), ...control })
  ),
  one(
    'fields-command-and-url',
    'fields',
    'command and url without type: runs as stdio, url ignored',
    mcp({ alpha: server('alpha', ['one'], { url: 'http://127.0.0.1:9/mcp' }), ...control }),
    true
  ),
  one(
    'fields-command-and-url-type-stdio',
    'fields',
    'command and url with type stdio: runs as stdio',
    mcp({
      alpha: server('alpha', ['one'], { type: 'stdio', url: 'http://127.0.0.1:9/mcp' }),
      ...control
    })
  ),
  one(
    'fields-command-and-url-type-http',
    'fields',
    'command and url with type http: a remote server, the command is never run',
    mcp({
      alpha: server('alpha', ['one'], { type: 'http', url: 'http://127.0.0.1:9/mcp' }),
      ...control
    })
  ),
  one(
    'fields-url-without-type',
    'fields',
    'url without type is skipped',
    mcp({ alpha: remote(undefined), ...control })
  ),
  one(
    'fields-command-empty',
    'fields',
    'an empty command is skipped',
    mcp({ alpha: { command: '', args: [] }, ...control })
  ),
  one(
    'fields-command-leading-space',
    'fields',
    'a command with a leading space is used as written',
    mcp({ alpha: server('alpha', ['one'], { command: ' node' }), ...control })
  ),
  one(
    'fields-args-missing',
    'fields',
    'a server without args loads (true exits at once: loaded, never connects)',
    mcp({ alpha: { command: 'true' }, ...control })
  ),
  one(
    'fields-env-strings',
    'fields',
    'string env values load',
    mcp({ alpha: server('alpha', ['one'], { env: { MODE: 'test', EMPTY: '' } }), ...control })
  ),
  one(
    'fields-headers-on-stdio',
    'fields',
    '"headers" on a stdio server is ignored',
    mcp({ alpha: server('alpha', ['one'], { headers: { Authorization: 'Bearer x' } }), ...control })
  ),
  one(
    'fields-oauth-http',
    'fields',
    'an http server with an oauth block loads',
    mcp({ alpha: remote('http', { oauth: { clientId: 'abc', callbackPort: 8080 } }), ...control })
  ),
  one(
    'fields-oauth-scopes-array',
    'fields',
    'oauth.scopes as a list is refused',
    mcp({ alpha: remote('http', { oauth: { scopes: ['read', 'write'] } }), ...control })
  ),
  one(
    'fields-oauth-metadata-http',
    'fields',
    'an http:// authServerMetadataUrl is refused',
    mcp({
      alpha: remote('http', { oauth: { authServerMetadataUrl: 'http://auth.example.com/meta' } }),
      ...control
    })
  ),
  one(
    'fields-headers-helper',
    'fields',
    'an http server with headersHelper loads',
    mcp({ alpha: remote('http', { headersHelper: 'echo {}' }), ...control })
  )
]

const types: ClientCase[] = [
  one(
    'types-args-string',
    'types',
    'args as a string refuses the server',
    mcp({ alpha: { command: 'node', args: '@SERVER@ @LOG@ alpha one' }, ...control })
  ),
  one(
    'types-args-number-item',
    'types',
    'a number in args refuses the server',
    mcp({ alpha: { command: 'node', args: ['@SERVER@', '@LOG@', 'alpha', 7] }, ...control })
  ),
  one(
    'types-args-null',
    'types',
    'args null refuses the server',
    mcp({ alpha: { command: 'node', args: null }, ...control })
  ),
  one(
    'types-args-object',
    'types',
    'args as an object refuses the server',
    mcp({ alpha: { command: 'node', args: { 0: '@SERVER@' } }, ...control })
  ),
  one(
    'types-env-number',
    'types',
    'a number env value refuses the server',
    mcp({ alpha: server('alpha', ['one'], { env: { PORT: 8080 } }), ...control })
  ),
  one(
    'types-env-boolean',
    'types',
    'a boolean env value refuses the server',
    mcp({ alpha: server('alpha', ['one'], { env: { DEBUG: true } }), ...control })
  ),
  one(
    'types-env-null-value',
    'types',
    'a null env value refuses the server',
    mcp({ alpha: server('alpha', ['one'], { env: { TOKEN: null } }), ...control })
  ),
  one(
    'types-env-array',
    'types',
    'env as a list refuses the server',
    mcp({ alpha: server('alpha', ['one'], { env: ['MODE=test'] }), ...control })
  ),
  one(
    'types-command-array',
    'types',
    'command as a list refuses the server',
    mcp({ alpha: { command: ['node', '@SERVER@'] }, ...control })
  ),
  one(
    'types-command-number',
    'types',
    'command as a number refuses the server',
    mcp({ alpha: { command: 42 }, ...control })
  ),
  one(
    'types-timeout-string',
    'types',
    'timeout as a string refuses the server',
    mcp({ alpha: server('alpha', ['one'], { timeout: '30s' }), ...control })
  ),
  one(
    'types-always-load-string',
    'types',
    'alwaysLoad as a string refuses the server',
    mcp({ alpha: server('alpha', ['one'], { alwaysLoad: 'yes' }), ...control })
  ),
  one(
    'types-type-number',
    'types',
    'type as a number refuses the server',
    mcp({ alpha: server('alpha', ['one'], { type: 1 }), ...control })
  ),
  one(
    'types-url-number',
    'types',
    'url as a number refuses the server',
    mcp({ alpha: { type: 'http', url: 9 }, ...control })
  ),
  one(
    'types-headers-number',
    'types',
    'a number header value refuses the server',
    mcp({ alpha: remote('http', { headers: { 'X-Retries': 3 } }), ...control })
  ),
  one(
    'types-headers-array',
    'types',
    'headers as a list refuses the server',
    mcp({ alpha: remote('http', { headers: ['X-Key: 1'] }), ...control })
  )
]

const transports: ClientCase[] = [
  one(
    'transports-type-stdio',
    'transports',
    'explicit type stdio',
    mcp({ alpha: server('alpha', ['one'], { type: 'stdio' }), ...control })
  ),
  one(
    'transports-type-http',
    'transports',
    'type http with url loads',
    mcp({ alpha: remote('http'), ...control })
  ),
  one(
    'transports-type-sse',
    'transports',
    'type sse with url loads',
    mcp({ alpha: remote('sse'), ...control })
  ),
  one(
    'transports-type-streamable-http',
    'transports',
    'type streamable-http with url loads',
    mcp({ alpha: remote('streamable-http'), ...control })
  ),
  one(
    'transports-type-ws',
    'transports',
    'type ws with a ws:// url loads',
    mcp({ alpha: remote('ws'), ...control })
  ),
  one(
    'transports-type-streamablehttp-camel',
    'transports',
    'type streamableHttp (camel case) is unknown: skipped',
    mcp({ alpha: remote('streamableHttp'), ...control })
  ),
  one(
    'transports-type-uppercase',
    'transports',
    'type HTTP (upper case) is unknown: skipped',
    mcp({ alpha: remote('HTTP'), ...control })
  ),
  one(
    'transports-type-unknown',
    'transports',
    'an unknown type (grpc) is skipped',
    mcp({ alpha: remote('grpc'), ...control })
  ),
  one(
    'transports-type-local',
    'transports',
    "type local (another client's spelling) with a command is skipped",
    mcp({ alpha: server('alpha', ['one'], { type: 'local' }), ...control })
  ),
  one(
    'transports-type-sdk',
    'transports',
    'type sdk is for SDK hosts only: skipped',
    mcp({ alpha: { type: 'sdk', name: 'alpha' }, ...control })
  ),
  one(
    'transports-http-without-url',
    'transports',
    'type http without url is skipped',
    mcp({ alpha: { type: 'http' }, ...control })
  ),
  one(
    'transports-sse-without-url',
    'transports',
    'type sse without url is skipped',
    mcp({ alpha: { type: 'sse' }, ...control })
  ),
  one(
    'transports-stdio-with-url-only',
    'transports',
    'type stdio with a url and no command is skipped',
    mcp({ alpha: { type: 'stdio', url: 'http://127.0.0.1:9/mcp' }, ...control })
  ),
  one(
    'transports-http-with-command-only',
    'transports',
    'type http with a command and no url is skipped',
    mcp({ alpha: server('alpha', ['one'], { type: 'http' }), ...control })
  ),
  one(
    'transports-ws-http-url',
    'transports',
    'type ws with an http:// url',
    mcp({ alpha: { type: 'ws', url: 'http://127.0.0.1:9/mcp' }, ...control })
  ),
  one(
    'transports-http-url-not-a-url',
    'transports',
    'type http with a url that is not a URL',
    mcp({ alpha: { type: 'http', url: 'not a url' }, ...control })
  ),
  one(
    'transports-serverurl',
    'transports',
    'Windsurf\'s "serverUrl" is not read: no command or url, skipped',
    mcp({ alpha: { serverUrl: 'http://127.0.0.1:9/mcp' }, ...control })
  ),
  one(
    'transports-httpurl',
    'transports',
    'Gemini\'s "httpUrl" is not read: no command or url, skipped',
    mcp({ alpha: { httpUrl: 'http://127.0.0.1:9/mcp' }, ...control })
  )
]

const interpolation: ClientCase[] = [
  one(
    'interp-command-default',
    'interpolation',
    '${VAR:-node} in command expands to the default',
    mcp({ alpha: server('alpha', ['one'], { command: '${MCP_LINT_UNSET:-node}' }), ...control })
  ),
  one(
    'interp-command-unset',
    'interpolation',
    'an unset ${VAR} in command: the server is still listed',
    mcp({ alpha: server('alpha', ['one'], { command: '${MCP_LINT_UNSET}' }), ...control })
  ),
  one(
    'interp-args-set',
    'interpolation',
    'a set ${VAR} in args expands',
    mcp({
      alpha: { command: 'node', args: ['@SERVER@', '@LOG@', 'alpha', 'one', '${MCP_LINT_SET}'] },
      ...control
    })
  ),
  one(
    'interp-args-unset',
    'interpolation',
    'an unset ${VAR} in args: the server still loads and starts',
    mcp({
      alpha: { command: 'node', args: ['@SERVER@', '@LOG@', 'alpha', 'one', '${MCP_LINT_UNSET}'] },
      ...control
    })
  ),
  one(
    'interp-args-default',
    'interpolation',
    '${VAR:-default} in args expands to the default',
    mcp({
      alpha: {
        command: 'node',
        args: ['@SERVER@', '@LOG@', 'alpha', 'one', '${MCP_LINT_UNSET:-fallback}']
      },
      ...control
    })
  ),
  one(
    'interp-env-set',
    'interpolation',
    'a set ${VAR} in env expands',
    mcp({ alpha: server('alpha', ['one'], { env: { TOKEN: '${MCP_LINT_SET}' } }), ...control })
  ),
  one(
    'interp-env-unset',
    'interpolation',
    'an unset ${VAR} in env: the server still loads and starts',
    mcp({ alpha: server('alpha', ['one'], { env: { TOKEN: '${MCP_LINT_UNSET}' } }), ...control })
  ),
  one(
    'interp-env-default',
    'interpolation',
    '${VAR:-default} in env expands to the default',
    mcp({
      alpha: server('alpha', ['one'], { env: { TOKEN: '${MCP_LINT_UNSET:-none}' } }),
      ...control
    })
  ),
  one(
    'interp-env-empty-var',
    'interpolation',
    'a variable set to the empty string in env',
    mcp({ alpha: server('alpha', ['one'], { env: { TOKEN: '${MCP_LINT_EMPTY}' } }), ...control })
  ),
  one(
    'interp-env-empty-default',
    'interpolation',
    '${EMPTY:-default} with the variable set to the empty string',
    mcp({
      alpha: server('alpha', ['one'], { env: { TOKEN: '${MCP_LINT_EMPTY:-none}' } }),
      ...control
    })
  ),
  one(
    'interp-env-bare-dollar',
    'interpolation',
    'a bare $VAR is not expanded; the server loads',
    mcp({ alpha: server('alpha', ['one'], { env: { TOKEN: '$MCP_LINT_SET' } }), ...control })
  ),
  one(
    'interp-env-prefix',
    'interpolation',
    "VS Code's ${env:VAR} is not Claude Code syntax",
    mcp({ alpha: server('alpha', ['one'], { env: { TOKEN: '${env:MCP_LINT_SET}' } }), ...control })
  ),
  one(
    'interp-two-unset',
    'interpolation',
    'two unset variables in one server: still loads',
    mcp({
      alpha: server('alpha', ['one'], {
        env: { A: '${MCP_LINT_UNSET}', B: '${MCP_LINT_UNSET_TOO}' }
      }),
      ...control
    })
  ),
  one(
    'interp-url-set',
    'interpolation',
    'a set ${VAR} in an http url',
    mcp({ alpha: remote('http', { url: 'http://127.0.0.1:9/${MCP_LINT_SET}' }), ...control })
  ),
  one(
    'interp-url-unset',
    'interpolation',
    'an unset ${VAR} in an http url',
    mcp({ alpha: remote('http', { url: 'http://127.0.0.1:9/${MCP_LINT_UNSET}' }), ...control })
  ),
  one(
    'interp-url-whole-unset',
    'interpolation',
    'an http url that is only an unset ${VAR}',
    mcp({ alpha: remote('http', { url: '${MCP_LINT_UNSET}' }), ...control })
  ),
  one(
    'interp-url-default',
    'interpolation',
    'an http url that is ${VAR:-default}',
    mcp({ alpha: remote('http', { url: '${MCP_LINT_UNSET:-http://127.0.0.1:9/mcp}' }), ...control })
  ),
  one(
    'interp-headers-unset',
    'interpolation',
    'an unset ${VAR} in a header: the server still loads',
    mcp({
      alpha: remote('http', { headers: { Authorization: 'Bearer ${MCP_LINT_UNSET}' } }),
      ...control
    })
  ),
  one(
    'interp-type-reference',
    'interpolation',
    'a ${VAR} in "type" is not expanded: unknown type, skipped',
    mcp({ alpha: server('alpha', ['one'], { type: '${MCP_LINT_UNSET:-stdio}' }), ...control })
  ),
  one(
    'interp-server-name',
    'interpolation',
    'a ${VAR} in a server name is not expanded',
    mcp({ '${MCP_LINT_SET}': server('${MCP_LINT_SET}', ['one']), ...control }),
    true
  ),
  one(
    'interp-project-dir-default',
    'interpolation',
    'the documented ${CLAUDE_PROJECT_DIR:-.} in args',
    mcp({
      alpha: {
        command: 'node',
        args: ['@SERVER@', '@LOG@', 'alpha', 'one', '${CLAUDE_PROJECT_DIR:-.}']
      },
      ...control
    })
  )
]

/** Other clients' tool filters are not Claude Code fields: every tool reaches the model. */
const allowLists: ClientCase[] = [
  one(
    'allow-include-tools',
    'allow-lists',
    "Gemini's includeTools is ignored: every tool is exposed",
    mcp({ alpha: server('alpha', ['one', 'two'], { includeTools: ['one'] }), ...control }),
    true
  ),
  one(
    'allow-include-tools-empty',
    'allow-lists',
    'an empty includeTools is ignored too: every tool is exposed',
    mcp({ alpha: server('alpha', ['one', 'two'], { includeTools: [] }), ...control }),
    true
  ),
  one(
    'allow-exclude-tools',
    'allow-lists',
    "Gemini's excludeTools is ignored",
    mcp({ alpha: server('alpha', ['one', 'two'], { excludeTools: ['two'] }), ...control }),
    true
  ),
  one(
    'allow-enabled-tools',
    'allow-lists',
    "Codex's enabled_tools is ignored",
    mcp({ alpha: server('alpha', ['one', 'two'], { enabled_tools: ['one'] }), ...control }),
    true
  ),
  one(
    'allow-disabled-tools',
    'allow-lists',
    'disabledTools (Antigravity, Cline) is ignored',
    mcp({ alpha: server('alpha', ['one', 'two'], { disabledTools: ['two'] }), ...control }),
    true
  ),
  one(
    'allow-always-allow',
    'allow-lists',
    "Cline's alwaysAllow does not filter tools",
    mcp({ alpha: server('alpha', ['one', 'two'], { alwaysAllow: ['one'] }), ...control }),
    true
  ),
  one(
    'allow-tools-field',
    'allow-lists',
    'a "tools" list on a stdio server is not a filter',
    mcp({ alpha: server('alpha', ['one', 'two'], { tools: ['one'] }), ...control }),
    true
  )
]

const discovery: ClientCase[] = [
  one('discovery-root', 'discovery', '.mcp.json at the root is read', mcp(control)),
  one(
    'discovery-claude-dir',
    'discovery',
    '.claude/mcp.json is not read',
    mcp({ alpha: server('alpha') }),
    false,
    '.claude/mcp.json'
  ),
  {
    id: 'discovery-claude-dir-and-root',
    topic: 'discovery',
    title: 'with both files only .mcp.json is read',
    files: { '.mcp.json': mcp(control), '.claude/mcp.json': mcp({ alpha: server('alpha') }) }
  },
  one(
    'discovery-subdirectory',
    'discovery',
    'a .mcp.json in a subdirectory is not read',
    mcp({ alpha: server('alpha') }),
    false,
    'packages/app/.mcp.json'
  ),
  {
    id: 'discovery-subdirectory-and-root',
    topic: 'discovery',
    title: 'a subdirectory .mcp.json next to the root one: only the root one is read',
    files: { '.mcp.json': mcp(control), 'packages/app/.mcp.json': mcp({ alpha: server('alpha') }) }
  },
  one(
    'discovery-no-dot',
    'discovery',
    'mcp.json (no dot) is not read',
    mcp(control),
    false,
    'mcp.json'
  ),
  one(
    'discovery-claude-settings',
    'discovery',
    'mcpServers in .claude/settings.json are not read',
    mcp({ alpha: server('alpha') }),
    false,
    '.claude/settings.json'
  ),
  one(
    'discovery-vscode',
    'discovery',
    '.vscode/mcp.json is not read by Claude Code',
    json({ servers: { alpha: server('alpha') } }),
    false,
    '.vscode/mcp.json'
  ),
  one(
    'discovery-cursor',
    'discovery',
    '.cursor/mcp.json is not read by Claude Code',
    mcp({ alpha: server('alpha') }),
    false,
    '.cursor/mcp.json'
  ),
  one(
    'discovery-mcp-json-case',
    'discovery',
    '.MCP.json (other case) is not read on a case-sensitive file system',
    mcp({ alpha: server('alpha') }),
    false,
    '.MCP.json'
  )
]

/** Server names that Claude Code loads as written; tool names sanitise them. */
const names: ClientCase[] = [
  ...(
    [
      ['names-dash', 'my-server', 'a dash'],
      ['names-underscore', 'my_server', 'an underscore'],
      ['names-digit-first', '1password', 'a leading digit'],
      ['names-uppercase', 'GitHub', 'upper case'],
      ['names-dot', 'notes.work', 'a dot'],
      ['names-space', 'my server', 'a space'],
      ['names-slash', 'acme/tools', 'a slash'],
      ['names-at-scope', '@acme/tools', 'an npm scope'],
      ['names-colon', 'acme:tools', 'a colon'],
      ['names-non-ascii', 'café', 'non-ASCII letters'],
      ['names-emoji', 'tools🔧', 'an emoji'],
      ['names-leading-dash', '-alpha', 'a leading dash'],
      ['names-only-symbols', '!!!', 'only symbols']
    ] as const
  ).map(([id, name, what]) =>
    one(
      id,
      'names',
      `a server name with ${what} loads`,
      mcp({ [name]: server(name, ['one']), ...control }),
      true
    )
  ),
  one(
    'names-empty',
    'names',
    'an empty server name',
    mcp({ '': server('empty', ['one']), ...control })
  ),
  one(
    'names-long-64',
    'names',
    'a 64-character server name loads',
    mcp({ ['a'.repeat(64)]: server('a'.repeat(64), ['one']), ...control })
  ),
  one(
    'names-long-200',
    'names',
    'a 200-character server name loads',
    mcp({ ['b'.repeat(200)]: server('b'.repeat(200), ['one']), ...control })
  ),
  ...(['constructor', 'toString', '__proto__', 'prototype', 'hasOwnProperty'] as const).map(
    (name) =>
      one(
        `names-reserved-${name.replace(/_/g, '').toLowerCase()}`,
        'names',
        `the server name "${name}"`,
        mcp({ [name]: server(name, ['one']), ...control })
      )
  ),
  one(
    'names-case-pair',
    'names',
    'Alpha and alpha are two servers',
    mcp({ Alpha: server('Alpha', ['one']), alpha: server('alpha', ['one']) }),
    true
  )
]

const naming: ClientCase[] = [
  one(
    'naming-basic',
    'naming',
    'tools are exposed as mcp__<server>__<tool>',
    mcp({ alpha: server('alpha', ['one', 'two']), ...control }),
    true
  ),
  one(
    'naming-tool-dot',
    'naming',
    'a dot in a tool name becomes _',
    mcp({ alpha: server('alpha', ['files.read', 'files-write']) }),
    true
  ),
  one(
    'naming-tool-space-unicode',
    'naming',
    'spaces and non-ASCII in tool names become _',
    mcp({ alpha: server('alpha', ['read file', 'lire_café']) }),
    true
  ),
  one(
    'naming-duplicate-tool',
    'naming',
    'a tool listed twice by one server is exposed once',
    mcp({ alpha: server('alpha', ['one', 'one']) }),
    true
  ),
  one(
    'naming-collision-dot-underscore',
    'naming',
    "notes.work and notes_work share mcp__notes_work__: the second server's tools are lost",
    mcp({
      'notes.work': server('notes.work', ['one']),
      notes_work: server('notes_work', ['one', 'two'])
    }),
    true
  ),
  one(
    'naming-collision-underscore-dot',
    'naming',
    'the same collision with notes_work first',
    mcp({
      notes_work: server('notes_work', ['one', 'two']),
      'notes.work': server('notes.work', ['one'])
    }),
    true
  ),
  one(
    'naming-collision-space',
    'naming',
    '"my server" and my_server collide after sanitising',
    mcp({ 'my server': server('my server', ['one']), my_server: server('my_server', ['two']) }),
    true
  ),
  one(
    'naming-collision-three',
    'naming',
    'a.b, a b and a_b all become a_b',
    mcp({
      'a.b': server('a.b', ['one']),
      'a b': server('a b', ['two']),
      a_b: server('a_b', ['three'])
    }),
    true
  ),
  one(
    'naming-collision-non-ascii',
    'naming',
    'café and caf_ collide after sanitising',
    mcp({ café: server('café', ['one']), caf_: server('caf_', ['two']) }),
    true
  ),
  one(
    'naming-double-underscore-server',
    'naming',
    'a server named a__b next to a with tool b__one',
    mcp({ a__b: server('a__b', ['one']), a: server('a', ['b__one']) }),
    true
  ),
  one(
    'naming-same-tool-two-servers',
    'naming',
    'the same tool on two servers: both exposed under their prefixes',
    mcp({ alpha: server('alpha', ['search']), beta: server('beta', ['search']) }),
    true
  ),
  one(
    'naming-long-server',
    'naming',
    'a 60-character server name makes names over 64 characters',
    mcp({ ['s'.repeat(60)]: server('s'.repeat(60), ['one']), ...control }),
    true
  ),
  one(
    'naming-long-tool',
    'naming',
    'a 70-character tool name',
    mcp({ alpha: server('alpha', ['t'.repeat(70)]), ...control }),
    true
  ),
  one(
    'naming-exactly-64',
    'naming',
    'a tool name of exactly 64 characters in all',
    mcp({ alpha: server('alpha', ['t'.repeat(64 - 'mcp__alpha__'.length)]), ...control }),
    true
  ),
  one(
    'naming-65',
    'naming',
    'a tool name of 65 characters in all',
    mcp({ alpha: server('alpha', ['t'.repeat(65 - 'mcp__alpha__'.length)]), ...control }),
    true
  ),
  one(
    'naming-many-servers',
    'naming',
    'five servers, every tool exposed',
    mcp(
      Object.fromEntries(
        ['a', 'b', 'c', 'd', 'e'].map((name) => [name, server(name, ['one', 'two'])])
      )
    ),
    true
  )
]

export const claudeCodeCases: readonly ClientCase[] = [
  ...syntax,
  ...fields,
  ...types,
  ...transports,
  ...interpolation,
  ...allowLists,
  ...discovery,
  ...names,
  ...naming
]
