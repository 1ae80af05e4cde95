import { tomlStdio } from '../harness/launch.js'
import type { ClientCase, Topic } from '../harness/types.js'

/**
 * Codex reads `[mcp_servers.<name>]` tables from the project's `.codex/config.toml` (trusted
 * projects only; the driver trusts the case's repository). Every case is one such file, or a few
 * files for discovery. A server's label is its config key unless the case says otherwise.
 */
const FILE = '.codex/config.toml'

/** A TOML key: bare when TOML 1.0 allows it, else a basic string. */
function key(name: string): string {
  return /^[A-Za-z0-9_-]+$/.test(name) ? name : JSON.stringify(name)
}

/** One `[mcp_servers.<name>]` table launching the recording server, plus extra lines. */
function table(name: string, tools: readonly string[] = ['ping'], extra = ''): string {
  return `[mcp_servers.${key(name)}]\n${tomlStdio(tools, name)}${extra}`
}

/** A remote server nothing listens on: Codex loads it and fails to connect. */
function remote(name: string, extra = ''): string {
  return `[mcp_servers.${key(name)}]\nurl = "http://127.0.0.1:9/mcp"\n${extra}`
}

function one(id: string, topic: Topic, title: string, text: string, tools = false): ClientCase {
  return { id, topic, title, files: { [FILE]: text }, ...(tools ? { tools } : {}) }
}

/** The tools a `control` server lists next to the server under test, to show the file loaded. */
const control = table('control', ['status'])

/** An inline-table launch of the recording server: `{ command = "node", args = [...] }`. */
function inline(tools: readonly string[], label: string, separator = ', '): string {
  return `{ command = "node"${separator}args = ["@SERVER@", "@LOG@", ${JSON.stringify(label)}, ${JSON.stringify(tools.join(','))}] }`
}

const syntax: ClientCase[] = [
  one(
    'syntax-basic',
    'syntax',
    'one stdio server in a table',
    table('alpha', ['one', 'two']),
    true
  ),
  one('syntax-empty-file', 'syntax', 'an empty config file defines no servers and loads', ''),
  one(
    'syntax-no-servers',
    'syntax',
    'a config without mcp_servers loads with no servers',
    'model_reasoning_effort = "low"\n'
  ),
  one(
    'syntax-inline-table',
    'syntax',
    'a server as a one-line inline table under [mcp_servers]',
    `[mcp_servers]\nalpha = ${inline(['ping'], 'alpha')}\n`
  ),
  one(
    'syntax-inline-trailing-comma',
    'syntax',
    'TOML 1.1: a trailing comma in an inline table',
    `[mcp_servers]\nalpha = { command = "node", args = ["@SERVER@", "@LOG@", "alpha", "ping"], }\n`
  ),
  one(
    'syntax-inline-multiline',
    'syntax',
    'TOML 1.1: an inline table over several lines',
    `[mcp_servers]\nalpha = {\n  command = "node",\n  args = ["@SERVER@", "@LOG@", "alpha", "ping"]\n}\n`
  ),
  one(
    'syntax-inline-multiline-comment',
    'syntax',
    'TOML 1.1: a multi-line inline table with a comment and a trailing comma',
    `[mcp_servers]\nalpha = {\n  # the recording server\n  command = "node",\n  args = ["@SERVER@", "@LOG@", "alpha", "ping"],\n}\n`
  ),
  one(
    'syntax-inline-whole-map',
    'syntax',
    'the whole server map as one inline table',
    `mcp_servers = { alpha = ${inline(['ping'], 'alpha')}, beta = ${inline(['ping'], 'beta')} }\n`
  ),
  one(
    'syntax-dotted-keys',
    'syntax',
    'a server written with dotted keys at the top level',
    'mcp_servers.alpha.command = "node"\nmcp_servers.alpha.args = ["@SERVER@", "@LOG@", "alpha", "ping"]\n'
  ),
  one(
    'syntax-mixed-tables',
    'syntax',
    'an inline server under [mcp_servers] and a [mcp_servers.<name>] table',
    `[mcp_servers]\nalpha = ${inline(['ping'], 'alpha')}\n\n${table('beta')}`
  ),
  one(
    'syntax-escape-e',
    'syntax',
    'TOML 1.1: the \\e escape in a string of another table',
    `[notes]\nbanner = "\\e[1m"\n\n${table('alpha')}`
  ),
  one(
    'syntax-escape-x',
    'syntax',
    'TOML 1.1: the \\xHH escape in a string of another table',
    `[notes]\nbanner = "\\x41"\n\n${table('alpha')}`
  ),
  one(
    'syntax-time-without-seconds',
    'syntax',
    'TOML 1.1: a local time without seconds in another table',
    `[notes]\nat = 07:32\n\n${table('alpha')}`
  ),
  one(
    'syntax-escape-e-in-args',
    'syntax',
    'TOML 1.1: the \\e escape in a server argument',
    `[mcp_servers.alpha]\ncommand = "node"\nargs = ["@SERVER@", "@LOG@", "alpha", "ping", "\\e[1m"]\n`
  ),
  one(
    'syntax-unclosed-array',
    'syntax',
    'an unclosed array: the file does not parse',
    `${control}\n[mcp_servers.alpha]\ncommand = "node"\nargs = ["@SERVER@", "@LOG@", "alpha", "ping"\n`
  ),
  one(
    'syntax-error-elsewhere',
    'syntax',
    'a syntax error outside mcp_servers rejects the servers too',
    `${control}\n[notes]\ntext = "unterminated\n`
  ),
  one(
    'syntax-duplicate-table',
    'syntax',
    'the same [mcp_servers.<name>] table twice',
    `${table('alpha')}\n${table('alpha')}`
  ),
  one(
    'syntax-duplicate-key',
    'syntax',
    'the same key twice in one server table',
    `${control}\n${table('alpha', ['ping'], 'command = "node"\n')}`
  ),
  one(
    'syntax-array-of-tables',
    'syntax',
    '[[mcp_servers]] instead of [mcp_servers.<name>]',
    `[[mcp_servers]]\nname = "alpha"\n${tomlStdio(['ping'], 'alpha')}`
  ),
  one('syntax-servers-not-table', 'syntax', 'mcp_servers as a string', 'mcp_servers = "alpha"\n'),
  one('syntax-crlf', 'syntax', 'CRLF line endings', table('alpha').replaceAll('\n', '\r\n')),
  one('syntax-bom', 'syntax', 'a UTF-8 byte order mark', `\uFEFF${table('alpha')}`),
  one(
    'syntax-literal-strings',
    'syntax',
    'literal strings and a multi-line args array with a trailing comma',
    "[mcp_servers.'alpha']\ncommand = 'node'\nargs = [\n  '@SERVER@',\n  '@LOG@',\n  'alpha',\n  'ping',\n]\n"
  )
]

/** Server names: each case has the server under test and `control`. */
const validNames = [
  ['dash', 'my-server'],
  ['underscore', 'my_server'],
  ['dot', 'a.b'],
  ['slash', 'scope/name'],
  ['at', '@scope'],
  ['colon', 'ns:server'],
  ['digits', '123'],
  ['upper', 'UPPER'],
  ['long', 'x'.repeat(100)]
] as const
const invalidNames = [
  ['space', 'bad name'],
  ['plus', 'a+b'],
  ['dollar', 'a$b'],
  ['accent', 'café'],
  ['emoji', 'rocket🚀'],
  ['empty', ''],
  ['tab', 'a\tb'],
  ['bang', 'hello!']
] as const
const names: ClientCase[] = [
  ...[...validNames, ...invalidNames].map(([id, name]) =>
    one(
      `names-${id}`,
      'names',
      `server name ${JSON.stringify(name)} next to a plain one`,
      `${table(name)}\n${control}`
    )
  ),
  one(
    'names-unicode-bare-key',
    'names',
    'a non-ASCII bare key (TOML 1.1 drafts allowed them)',
    `[mcp_servers.café]\n${tomlStdio(['ping'], 'café')}\n${control}`
  )
]

const fields: ClientCase[] = [
  one(
    'fields-enabled-false',
    'fields',
    'enabled = false: defined but not started',
    `${table('alpha', ['ping'], 'enabled = false\n')}\n${control}`
  ),
  one(
    'fields-enabled-true',
    'fields',
    'enabled = true',
    table('alpha', ['ping'], 'enabled = true\n')
  ),
  one(
    'fields-required',
    'fields',
    'required = true on a server that starts',
    table('alpha', ['ping'], 'required = true\n')
  ),
  one(
    'fields-env',
    'fields',
    'env with string values',
    table('alpha', ['ping'], 'env = { MODE = "test", LEVEL = "2" }\n')
  ),
  one(
    'fields-env-vars',
    'fields',
    'env_vars names and a { name, source = "local" } entry',
    table('alpha', ['ping'], 'env_vars = ["HOME", { name = "PATH", source = "local" }]\n')
  ),
  one(
    'fields-env-vars-remote',
    'fields',
    'an env_vars entry with source = "remote" on a local server',
    `${table('alpha', ['ping'], 'env_vars = [{ name = "HOME", source = "remote" }]\n')}\n${control}`
  ),
  one(
    'fields-env-vars-bad-source',
    'fields',
    'env_vars with an unknown source',
    `${table('alpha', ['ping'], 'env_vars = [{ name = "HOME", source = "cloud" }]\n')}\n${control}`
  ),
  one(
    'fields-cwd',
    'fields',
    'cwd = "." (the directory Codex runs in)',
    table('alpha', ['ping'], 'cwd = "."\n')
  ),
  one(
    'fields-cwd-missing',
    'fields',
    'cwd naming a directory that does not exist',
    `${table('alpha', ['ping'], 'cwd = "no-such-dir"\n')}\n${control}`
  ),
  one(
    'fields-unknown',
    'fields',
    'an unknown field is ignored with a warning',
    `${table('alpha', ['ping'], 'colour = "blue"\n')}\n${control}`
  ),
  one(
    'fields-type-ignored',
    'fields',
    'type = "stdio" is not a Codex field',
    table('alpha', ['ping'], 'type = "stdio"\n')
  ),
  one(
    'fields-name-legacy',
    'fields',
    'the legacy display-name field "name"',
    table('alpha', ['ping'], 'name = "Alpha server"\n')
  ),
  one(
    'fields-tools-approval',
    'fields',
    'per-tool approval_mode and default_tools_approval_mode',
    table(
      'alpha',
      ['ping'],
      'default_tools_approval_mode = "prompt"\n[mcp_servers.alpha.tools.ping]\napproval_mode = "approve"\n'
    )
  ),
  one(
    'fields-approval-bad-value',
    'fields',
    'default_tools_approval_mode with an unknown value',
    `${table('alpha', ['ping'], 'default_tools_approval_mode = "always"\n')}\n${control}`
  ),
  one(
    'fields-supports-parallel',
    'fields',
    'supports_parallel_tool_calls = true',
    table('alpha', ['ping'], 'supports_parallel_tool_calls = true\n')
  ),
  one(
    'fields-environment-id-local',
    'fields',
    'environment_id = "local"',
    table('alpha', ['ping'], 'environment_id = "local"\n')
  ),
  one(
    'fields-environment-id-unknown',
    'fields',
    'environment_id naming an environment that does not exist',
    `${table('alpha', ['ping'], 'environment_id = "devbox"\n')}\n${control}`
  ),
  one(
    'fields-environment-id-type',
    'fields',
    'environment_id as a number',
    `${table('alpha', ['ping'], 'environment_id = 1\n')}\n${control}`
  ),
  one(
    'fields-startup-readiness',
    'fields',
    'startup_readiness = "catalog"',
    table('alpha', ['ping'], 'startup_readiness = "catalog"\n')
  ),
  one(
    'fields-startup-readiness-bad',
    'fields',
    'startup_readiness with an unknown value',
    `${table('alpha', ['ping'], 'startup_readiness = "ready"\n')}\n${control}`
  ),
  one(
    'fields-schema-max-bytes',
    'fields',
    'tool_input_schema_max_bytes = 4096',
    table('alpha', ['ping'], 'tool_input_schema_max_bytes = 4096\n')
  ),
  one(
    'fields-schema-max-bytes-zero',
    'fields',
    'tool_input_schema_max_bytes = 0',
    `${table('alpha', ['ping'], 'tool_input_schema_max_bytes = 0\n')}\n${control}`
  ),
  one(
    'fields-schema-max-bytes-string',
    'fields',
    'tool_input_schema_max_bytes as a string',
    `${table('alpha', ['ping'], 'tool_input_schema_max_bytes = "4096"\n')}\n${control}`
  ),
  one(
    'fields-auth-stdio',
    'fields',
    'auth on a stdio server',
    `${table('alpha', ['ping'], 'auth = "oauth"\n')}\n${control}`
  ),
  one(
    'fields-auth-http',
    'fields',
    'auth = "oauth" on a remote server',
    `${remote('alpha', 'auth = "oauth"\n')}\n${control}`
  ),
  one(
    'fields-auth-bad',
    'fields',
    'auth with an unknown value on a remote server',
    `${remote('alpha', 'auth = "basic"\n')}\n${control}`
  ),
  one(
    'fields-headers-helper-http',
    'fields',
    'http_headers_helper on a remote server',
    `${remote('alpha', 'http_headers_helper = "echo {}"\n')}\n${control}`
  ),
  one(
    'fields-headers-helper-stdio',
    'fields',
    'http_headers_helper on a stdio server',
    `${table('alpha', ['ping'], 'http_headers_helper = "echo {}"\n')}\n${control}`
  ),
  one(
    'fields-headers-helper-empty',
    'fields',
    'an empty http_headers_helper on a remote server',
    `${remote('alpha', 'http_headers_helper = " "\n')}\n${control}`
  ),
  one(
    'fields-headers-helper-type',
    'fields',
    'http_headers_helper as an array',
    `${remote('alpha', 'http_headers_helper = ["echo", "{}"]\n')}\n${control}`
  ),
  one(
    'fields-bearer-env-stdio',
    'fields',
    'bearer_token_env_var on a stdio server',
    `${table('alpha', ['ping'], 'bearer_token_env_var = "TOKEN"\n')}\n${control}`
  ),
  one(
    'fields-bearer-env-http',
    'fields',
    'bearer_token_env_var on a remote server',
    `${remote('alpha', 'bearer_token_env_var = "TOKEN"\n')}\n${control}`
  ),
  one(
    'fields-bearer-token-inline',
    'fields',
    'an inline bearer_token on a remote server',
    `${remote('alpha', 'bearer_token = "secret"\n')}\n${control}`
  ),
  one(
    'fields-http-headers-stdio',
    'fields',
    'http_headers on a stdio server',
    `${table('alpha', ['ping'], 'http_headers = { X = "1" }\n')}\n${control}`
  ),
  one(
    'fields-scopes-stdio',
    'fields',
    'OAuth scopes on a stdio server',
    `${table('alpha', ['ping'], 'scopes = ["read"]\n')}\n${control}`
  ),
  one(
    'fields-omit-tools-from',
    'fields',
    'omit_tools_from = ["code_mode"]',
    table('alpha', ['ping'], 'omit_tools_from = ["code_mode"]\n'),
    true
  ),
  one(
    'fields-omit-tools-from-bad',
    'fields',
    'omit_tools_from with an unknown surface',
    `${table('alpha', ['ping'], 'omit_tools_from = ["everywhere"]\n')}\n${control}`
  )
]

fields.push(
  one(
    'fields-oauth-stdio',
    'fields',
    'an oauth table on a stdio server',
    `${table('alpha', ['ping'], 'oauth = { client_id = "x" }\n')}\n${control}`
  ),
  one(
    'fields-oauth-resource-stdio',
    'fields',
    'oauth_resource on a stdio server',
    `${table('alpha', ['ping'], 'oauth_resource = "https://example.com"\n')}\n${control}`
  ),
  one(
    'fields-env-http-headers-stdio',
    'fields',
    'env_http_headers on a stdio server',
    `${table('alpha', ['ping'], 'env_http_headers = { X = "TOKEN" }\n')}\n${control}`
  ),
  one(
    'fields-http-headers-http',
    'fields',
    'http_headers and env_http_headers on a remote server',
    `${remote('alpha', 'http_headers = { X = "1" }\nenv_http_headers = { Y = "TOKEN" }\n')}\n${control}`
  ),
  one(
    'fields-experimental-environment',
    'fields',
    'experimental_environment (an older field)',
    `${table('alpha', ['ping'], 'experimental_environment = "remote"\n')}\n${control}`
  ),
  one(
    'fields-tool-output-limit-zero',
    'fields',
    'a per-tool output_token_limit of 0',
    `${table('alpha', ['ping'], '[mcp_servers.alpha.tools.ping]\noutput_token_limit = 0\n')}\n${control}`
  ),
  one(
    'fields-tool-approval-bad',
    'fields',
    'a per-tool approval_mode with an unknown value',
    `${table('alpha', ['ping'], '[mcp_servers.alpha.tools.ping]\napproval_mode = "always"\n')}\n${control}`
  ),
  one(
    'fields-approval-writes',
    'fields',
    'default_tools_approval_mode = "writes"',
    table('alpha', ['ping'], 'default_tools_approval_mode = "writes"\n')
  ),
  one(
    'fields-required-fails',
    'fields',
    'required = true on a server whose command does not exist',
    `[mcp_servers.alpha]\ncommand = "no-such-command-mcp-lint"\nrequired = true\n\n${control}`
  ),
  one(
    'fields-omit-tools-direct',
    'fields',
    'omit_tools_from = ["direct"]',
    `${table('alpha', ['ping'], 'omit_tools_from = ["direct"]\n')}\n${control}`,
    true
  )
)

const typeCases: [string, string, string][] = [
  ['startup-timeout-int', 'startup_timeout_sec as an integer', 'startup_timeout_sec = 20\n'],
  ['startup-timeout-float', 'startup_timeout_sec as a float', 'startup_timeout_sec = 2.5\n'],
  ['startup-timeout-string', 'startup_timeout_sec as a string', 'startup_timeout_sec = "20"\n'],
  ['startup-timeout-negative', 'a negative startup_timeout_sec', 'startup_timeout_sec = -1\n'],
  ['startup-timeout-ms', 'startup_timeout_ms as an integer', 'startup_timeout_ms = 20000\n'],
  ['startup-timeout-ms-float', 'startup_timeout_ms as a float', 'startup_timeout_ms = 1.5\n'],
  ['tool-timeout-string', 'tool_timeout_sec as a string', 'tool_timeout_sec = "60"\n'],
  ['tool-timeout-int', 'tool_timeout_sec as an integer', 'tool_timeout_sec = 60\n'],
  ['enabled-string', 'enabled = "false" (a string)', 'enabled = "false"\n'],
  ['required-string', 'required = "yes"', 'required = "yes"\n'],
  ['env-number', 'env with a number value', 'env = { LEVEL = 2 }\n'],
  ['env-array', 'env as an array of strings', 'env = ["A=1"]\n'],
  ['cwd-number', 'cwd as a number', 'cwd = 5\n'],
  ['enabled-tools-string', 'enabled_tools as a string', 'enabled_tools = "ping"\n'],
  [
    'parallel-string',
    'supports_parallel_tool_calls as a string',
    'supports_parallel_tool_calls = "yes"\n'
  ],
  ['startup-timeout-inf', 'startup_timeout_sec = inf', 'startup_timeout_sec = inf\n'],
  ['startup-timeout-ms-negative', 'a negative startup_timeout_ms', 'startup_timeout_ms = -5\n'],
  ['tool-timeout-negative', 'a negative tool_timeout_sec', 'tool_timeout_sec = -5\n'],
  ['enabled-tools-number', 'enabled_tools holding a number', 'enabled_tools = [1]\n']
]
const types: ClientCase[] = typeCases.map(([id, title, extra]) =>
  one(`types-${id}`, 'types', title, `${table('alpha', ['ping'], extra)}\n${control}`)
)
types.push(
  one(
    'types-args-string',
    'types',
    'args as one string',
    `[mcp_servers.alpha]\ncommand = "node"\nargs = "@SERVER@"\n\n${control}`
  ),
  one(
    'types-args-numbers',
    'types',
    'args holding a number',
    `[mcp_servers.alpha]\ncommand = "node"\nargs = ["@SERVER@", "@LOG@", "alpha", 1]\n\n${control}`
  ),
  one(
    'types-command-array',
    'types',
    'command as an array',
    `[mcp_servers.alpha]\ncommand = ["node", "@SERVER@"]\n\n${control}`
  ),
  one(
    'types-server-not-table',
    'types',
    'a server whose value is a string',
    `[mcp_servers]\nalpha = "node"\n\n${control}`
  )
)

const transports: ClientCase[] = [
  one(
    'transports-http',
    'transports',
    'a streamable HTTP server nothing listens on',
    `${remote('alpha')}\n${control}`
  ),
  one(
    'transports-command-and-url',
    'transports',
    'command and url together',
    `${table('alpha', ['ping'], 'url = "http://127.0.0.1:9/mcp"\n')}\n${control}`
  ),
  one(
    'transports-neither',
    'transports',
    'neither command nor url',
    `[mcp_servers.alpha]\nargs = ["x"]\n\n${control}`
  ),
  one(
    'transports-empty-table',
    'transports',
    'an empty server table',
    `[mcp_servers.alpha]\n\n${control}`
  ),
  one(
    'transports-url-args',
    'transports',
    'args on a remote server',
    `${remote('alpha', 'args = ["x"]\n')}\n${control}`
  ),
  one(
    'transports-url-env',
    'transports',
    'env on a remote server',
    `${remote('alpha', 'env = { A = "1" }\n')}\n${control}`
  ),
  one(
    'transports-url-cwd',
    'transports',
    'cwd on a remote server',
    `${remote('alpha', 'cwd = "."\n')}\n${control}`
  ),
  one(
    'transports-sse-type',
    'transports',
    'type = "sse" with a url: Codex has no SSE and ignores type',
    `${remote('alpha', 'type = "sse"\n')}\n${control}`
  ),
  one(
    'transports-url-empty',
    'transports',
    'an empty url',
    `[mcp_servers.alpha]\nurl = ""\n\n${control}`
  ),
  one(
    'transports-url-not-url',
    'transports',
    'a url that is not a URL',
    `[mcp_servers.alpha]\nurl = "not a url"\n\n${control}`
  ),
  one(
    'transports-missing-command',
    'transports',
    'a command that does not exist: loaded, not started',
    `[mcp_servers.alpha]\ncommand = "no-such-command-mcp-lint"\n\n${control}`
  ),
  one(
    'transports-empty-command',
    'transports',
    'an empty command',
    `[mcp_servers.alpha]\ncommand = ""\n\n${control}`
  )
]

const interpolation: ClientCase[] = [
  one(
    'interpolation-command-brace',
    'interpolation',
    'command = "${NODE}" is not expanded',
    `[mcp_servers.alpha]\ncommand = "\${NODE}"\nargs = ["@SERVER@", "@LOG@", "alpha", "ping"]\n\n${control}`
  ),
  one(
    'interpolation-command-tilde',
    'interpolation',
    'a leading ~ in command is not expanded',
    `[mcp_servers.alpha]\ncommand = "~/bin/node"\nargs = ["@SERVER@", "@LOG@", "alpha", "ping"]\n\n${control}`
  ),
  one(
    'interpolation-label-brace',
    'interpolation',
    'an argument "${HOME}" reaches the server as written',
    `[mcp_servers.alpha]\ncommand = "node"\nargs = ["@SERVER@", "@LOG@", "\${HOME}", "ping"]\n`
  ),
  one(
    'interpolation-label-dollar',
    'interpolation',
    'an argument "$HOME" reaches the server as written',
    `[mcp_servers.alpha]\ncommand = "node"\nargs = ["@SERVER@", "@LOG@", "$HOME", "ping"]\n`
  ),
  one(
    'interpolation-cwd-brace',
    'interpolation',
    'cwd = "${HOME}" is not expanded',
    `${table('alpha', ['ping'], 'cwd = "${HOME}"\n')}\n${control}`
  ),
  one(
    'interpolation-env-brace',
    'interpolation',
    'env = { X = "${HOME}" } loads (the value is passed as written)',
    table('alpha', ['ping'], 'env = { X = "${HOME}" }\n')
  )
]

const allowListCases: [string, string, string][] = [
  ['enabled', 'enabled_tools keeps only the tools named', 'enabled_tools = ["one"]\n'],
  ['enabled-empty', 'enabled_tools = [] exposes no tools', 'enabled_tools = []\n'],
  ['disabled', 'disabled_tools removes the tools named', 'disabled_tools = ["two"]\n'],
  ['disabled-empty', 'disabled_tools = [] removes nothing', 'disabled_tools = []\n'],
  [
    'both',
    'disabled_tools applies after enabled_tools',
    'enabled_tools = ["one", "two"]\ndisabled_tools = ["two"]\n'
  ],
  [
    'enabled-unknown',
    'enabled_tools naming only a tool the server lacks',
    'enabled_tools = ["four"]\n'
  ],
  ['enabled-case', 'enabled_tools is case-sensitive', 'enabled_tools = ["ONE", "two"]\n'],
  [
    'enabled-sanitized',
    'enabled_tools matches the raw tool name, not the sanitized one',
    'enabled_tools = ["get_file", "get.dir"]\n'
  ],
  [
    'disabled-all',
    'disabled_tools naming every tool',
    'disabled_tools = ["one", "two", "three", "get.file", "get.dir"]\n'
  ],
  [
    'disabled-unknown',
    'disabled_tools naming a tool the server lacks',
    'disabled_tools = ["four"]\n'
  ],
  [
    'tools-table-no-filter',
    'a [tools.<name>] table does not filter',
    '[mcp_servers.alpha.tools.one]\napproval_mode = "approve"\n'
  ]
]
const allowLists: ClientCase[] = allowListCases.map(([id, title, extra]) =>
  one(
    `allow-lists-${id}`,
    'allow-lists',
    title,
    `${table('alpha', ['one', 'two', 'three', 'get.file', 'get.dir'], extra)}\n${table('beta', ['one'])}`,
    true
  )
)
allowLists.push(
  one(
    'allow-lists-disabled-server',
    'allow-lists',
    'a disabled server contributes no tools',
    `${table('alpha', ['one'], 'enabled = false\n')}\n${table('beta', ['one'])}`,
    true
  )
)

function files(entries: Record<string, string>): Record<string, string> {
  return entries
}
const discovery: ClientCase[] = [
  {
    id: 'discovery-subdirectory-only',
    topic: 'discovery',
    title: 'sub/.codex/config.toml is not read when Codex runs at the root',
    files: files({ 'sub/.codex/config.toml': table('alpha') })
  },
  {
    id: 'discovery-root-and-subdirectory',
    topic: 'discovery',
    title: 'the root .codex/config.toml is read, a subdirectory one is not',
    files: files({ [FILE]: table('alpha'), 'sub/.codex/config.toml': table('beta') })
  },
  {
    id: 'discovery-root-config-toml',
    topic: 'discovery',
    title: 'config.toml at the repository root is not a Codex file',
    files: files({ 'config.toml': table('alpha') })
  },
  {
    id: 'discovery-codex-json',
    topic: 'discovery',
    title: '.codex/config.json is not read',
    files: files({
      '.codex/config.json': JSON.stringify({
        mcp_servers: { alpha: { command: 'node', args: ['@SERVER@', '@LOG@', 'alpha', 'ping'] } }
      })
    })
  },
  {
    id: 'discovery-mcp-json',
    topic: 'discovery',
    title: "another client's .mcp.json is not read by Codex",
    files: files({
      '.mcp.json': JSON.stringify({
        mcpServers: { alpha: { command: 'node', args: ['@SERVER@', '@LOG@', 'alpha', 'ping'] } }
      })
    })
  },
  {
    id: 'discovery-uppercase-name',
    topic: 'discovery',
    title: '.codex/CONFIG.TOML is not read',
    files: files({ '.codex/CONFIG.TOML': table('alpha') })
  },
  {
    id: 'discovery-codex-dir-toml',
    topic: 'discovery',
    title: '.codex/mcp.toml is not read',
    files: files({ '.codex/mcp.toml': table('alpha') })
  },
  {
    id: 'discovery-profile-servers',
    topic: 'discovery',
    title: 'servers under [profiles.<name>.mcp_servers] are not top-level servers',
    files: files({
      [FILE]: `[profiles.dev.mcp_servers.alpha]\n${tomlStdio(['ping'], 'alpha')}\n${control}`
    })
  },
  {
    id: 'discovery-other-tables',
    topic: 'discovery',
    title: 'servers next to other Codex settings',
    files: files({
      [FILE]: `approval_policy = "never"\n\n[shell_environment_policy]\ninherit = "core"\n\n${table('alpha')}`
    })
  }
]

const namingCases: [string, string, string][] = [
  ['simple', 'mcp__<server> namespace, raw tool names', table('alpha', ['one', 'two'])],
  ['server-dot', 'a dot in the server name alone: sanitized, no hash', table('a.b', ['one'])],
  ['server-dash', 'a dash in the server name alone', table('my-server', ['one'])],
  [
    'server-collision-dot-underscore',
    'a.b and a_b clean up to the same namespace: both hashed',
    `${table('a.b', ['one'])}\n${table('a_b', ['one'])}`
  ],
  [
    'server-collision-dash-underscore',
    'my-server and my_server collide',
    `${table('my-server', ['one'])}\n${table('my_server', ['two'])}`
  ],
  [
    'server-collision-three',
    'a:b, a/b and a@b collide three ways',
    `${table('a:b', ['one'])}\n${table('a/b', ['one'])}\n${table('a@b', ['one'])}`
  ],
  [
    'server-mcp-prefix',
    'a server already called mcp__x gets no second prefix',
    table('mcp__x', ['one'])
  ],
  [
    'server-mcp-prefix-collision',
    'mcp__x and x share the namespace mcp__x',
    `${table('mcp__x', ['one'])}\n${table('x', ['two'])}`
  ],
  [
    'server-mcp-dashes',
    'mcp--x cleans up to mcp__x and gets no second prefix',
    table('mcp--x', ['one'])
  ],
  ['server-mcp-dot', 'mcp.x cleans up to mcp_x and is prefixed', table('mcp.x', ['one'])],
  [
    'server-case',
    'Alpha and alpha do not collide',
    `${table('Alpha', ['one'])}\n${table('alpha', ['one'])}`
  ],
  [
    'tool-sanitized',
    'tool names with dots, dashes and spaces are sanitized',
    table('alpha', ['get.file', 'put-file', 'do thing'])
  ],
  [
    'tool-collision',
    'get.file and get_file in one server collide: both hashed',
    table('alpha', ['get.file', 'get_file'])
  ],
  ['tool-collision-three', 'a.b, a-b and a_b in one server', table('alpha', ['a.b', 'a-b', 'a_b'])],
  ['tool-duplicate', 'a server listing the same tool twice', table('alpha', ['one', 'one', 'two'])],
  ['tool-unicode', 'a non-ASCII tool name', table('alpha', ['café'])],
  [
    'same-tool-two-servers',
    'the same tool in two servers: namespaces keep them apart',
    `${table('alpha', ['search'])}\n${table('beta', ['search'])}`
  ],
  [
    'concatenation-collision',
    'a + bc and ab + c: no collision with the delimiter',
    `${table('a', ['bc'])}\n${table('ab', ['c'])}`
  ],
  [
    'delimiter-collision',
    'a + b__c and a__b + c flatten to the same name',
    `${table('a', ['b__c'])}\n${table('a__b', ['c'])}`
  ],
  ['long-tool', 'a 70-character tool name is cut and hashed', table('alpha', ['t'.repeat(70)])],
  [
    'exact-limit',
    'server and tool filling exactly 64 characters',
    table('alpha', ['t'.repeat(64 - 'mcp__alpha__'.length)])
  ],
  [
    'one-over-limit',
    'server and tool one character over 64',
    table('alpha', ['t'.repeat(65 - 'mcp__alpha__'.length)])
  ],
  ['long-server', 'a 60-character server name', table('s'.repeat(60), ['one'])],
  [
    'long-server-long-tool',
    'a 40-character server and a 40-character tool',
    table('s'.repeat(40), ['t'.repeat(40)])
  ],
  [
    'long-server-collision',
    'two 70-character server names differing at the end',
    `${table(`${'s'.repeat(69)}a`, ['one'])}\n${table(`${'s'.repeat(69)}b`, ['one'])}`
  ],
  [
    'sanitized-and-plain-tool',
    'a sanitized tool next to the plain name in another server',
    `${table('alpha', ['get.file'])}\n${table('beta', ['get_file'])}`
  ]
]
const naming: ClientCase[] = namingCases.map(([id, title, text]) =>
  one(`naming-${id}`, 'naming', title, text, true)
)

export const codexCases: readonly ClientCase[] = [
  ...syntax,
  ...names,
  ...fields,
  ...types,
  ...transports,
  ...interpolation,
  ...allowLists,
  ...discovery,
  ...naming
]
