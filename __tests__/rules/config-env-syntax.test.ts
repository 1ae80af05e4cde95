import rule from '../../src/rules/config-env-syntax.js'
import { testRule } from '../helpers/rule-tester.js'

const env = (value: string) =>
  `{ "mcpServers": { "s": { "command": "x", "env": { "K": ${JSON.stringify(value)} } } } }`
const vscodeEnv = (value: string) =>
  `{ "servers": { "s": { "command": "x", "env": { "K": ${JSON.stringify(value)} } } } }`
// Column of the value's first character inside env(...)/vscodeEnv(...): the opening quote + 1.
const envColumn = env('').indexOf('""') + 2
const vscodeColumn = vscodeEnv('').indexOf('""') + 2

testRule(rule, {
  valid: [
    { name: 'Claude Code ${VAR} and defaults', path: '.mcp.json', text: env('${TOKEN}') },
    // The source reads every client's syntax as ${VAR}.
    {
      name: 'the central source: ${env:VAR}, $VAR, {env:VAR} and ${{ secrets.VAR }}',
      path: '.agents/mcp/mcp-servers.json',
      text: env('${env:A} $B {env:C} ${{ secrets.D }}')
    },
    {
      name: 'Claude Code ${VAR:-default} in args',
      path: '.mcp.json',
      text: '{ "mcpServers": { "s": { "command": "${CLAUDE_PROJECT_DIR:-.}/bin/x", "args": ["--key=${KEY:-}"] } } }'
    },
    {
      name: 'Claude Code headers',
      path: '.mcp.json',
      text: '{ "mcpServers": { "s": { "type": "http", "url": "https://x", "headers": { "Authorization": "Bearer ${TOKEN}" } } } }'
    },
    {
      name: 'Cursor ${env:VAR} and ${workspaceFolder}',
      path: '.cursor/mcp.json',
      text: '{ "mcpServers": { "s": { "command": "x", "args": ["${workspaceFolder}/data"], "env": { "K": "${env:TOKEN}" } } } }'
    },
    {
      name: 'Gemini CLI $VAR and ${VAR}',
      path: '.gemini/settings.json',
      text: '{ "mcpServers": { "s": { "command": "x", "args": ["$HOME/x"], "env": { "K": "${TOKEN}" } } } }'
    },
    {
      name: 'VS Code env, input, workspaceFolder',
      path: '.vscode/mcp.json',
      text: '{ "inputs": [{ "type": "promptString", "id": "k" }], "servers": { "s": { "command": "x", "cwd": "${workspaceFolder}", "env": { "A": "${env:A}", "K": "${input:k}" } } } }'
    },
    { name: 'Windsurf ${env:VAR}', path: '.windsurf/mcp_config.json', text: env('${env:TOKEN}') },
    { name: 'Kiro ${VAR}', path: '.kiro/settings/mcp.json', text: env('${TOKEN}') },
    { name: 'Roo ${env:VAR}', path: '.roo/mcp.json', text: env('${env:TOKEN}') },
    {
      name: 'central source ${VAR}',
      path: '.agents/mcp/mcp-servers.json',
      text: env('${TOKEN:-none}')
    },
    {
      name: 'Codex env_vars instead of references',
      path: '.codex/config.toml',
      text: '[mcp_servers.s]\ncommand = "x"\nenv_vars = ["TOKEN"]\n'
    },
    {
      name: 'shells expand $VAR in their script',
      path: '.cursor/mcp.json',
      text: '{ "mcpServers": { "s": { "command": "bash", "args": ["-c", "exec x --home $HOME"] } } }'
    },
    { name: 'lower-case $x is literal text', path: '.mcp.json', text: env('pa$sword') },
    { name: 'escaped $${VAR}', path: '.mcp.json', text: env('$${NOT_A_REF}') },
    {
      name: 'fields that are not launched',
      path: '.mcp.json',
      text: '{ "mcpServers": { "s": { "command": "x", "description": "uses ${env:TOKEN}" } } }'
    }
  ],
  invalid: [
    {
      name: '${env:VAR} in Claude Code',
      path: '.mcp.json',
      text: env('${env:GITHUB_TOKEN}'),
      errors: [
        {
          messageId: 'notExpanded',
          line: 1,
          column: envColumn,
          endColumn: envColumn + '${env:GITHUB_TOKEN}'.length,
          // Claude Code 2.1.332 loads the server with the reference as its value.
          severity: 'warning',
          server: 's',
          message: '"${env:GITHUB_TOKEN}" is not expanded by Claude Code; write "${GITHUB_TOKEN}"'
        }
      ]
    },
    {
      name: '$VAR in Claude Code, inside a longer value',
      path: '.mcp.json',
      text: env('Bearer $TOKEN'),
      errors: [
        {
          messageId: 'notExpanded',
          line: 1,
          column: envColumn + 7,
          message: '"$TOKEN" is not expanded by Claude Code; write "${TOKEN}"'
        }
      ]
    },
    {
      name: 'a reference in cwd, which Claude Code does not expand',
      path: '.mcp.json',
      text: '{ "mcpServers": { "s": { "command": "x", "cwd": "${HOME}/x" } } }',
      errors: [
        {
          messageId: 'notInField',
          line: 1,
          column: 50,
          message: 'Claude Code does not expand references in "cwd": "${HOME}" stays literal'
        }
      ]
    },
    {
      name: 'an editor variable in Claude Code',
      path: '.mcp.json',
      text: '{ "mcpServers": { "s": { "command": "x", "args": ["${workspaceFolder}"] } } }',
      errors: [
        {
          messageId: 'editorVariable',
          line: 1,
          column: 52,
          message: /looks up an environment variable named workspaceFolder/
        }
      ]
    },
    {
      name: '${VAR} in Cursor (undocumented: a warning)',
      path: '.cursor/mcp.json',
      text: env('${TOKEN}'),
      errors: [
        {
          messageId: 'notExpanded',
          line: 1,
          column: envColumn,
          severity: 'warning',
          message: '"${TOKEN}" is not expanded by Cursor; write "${env:TOKEN}"'
        }
      ]
    },
    {
      name: '${VAR} in VS Code',
      path: '.vscode/mcp.json',
      text: vscodeEnv('${GITHUB_TOKEN}'),
      errors: [
        {
          messageId: 'notExpanded',
          line: 1,
          column: vscodeColumn,
          severity: 'error',
          message: '"${GITHUB_TOKEN}" is not expanded by VS Code; write "${env:GITHUB_TOKEN}"'
        }
      ]
    },
    {
      name: 'an undeclared VS Code input',
      path: '.vscode/mcp.json',
      text: '{ "inputs": [{ "type": "promptString", "id": "token" }], "servers": { "s": { "command": "x", "env": { "K": "${input:tokn}" } } } }',
      errors: [
        {
          messageId: 'undeclaredInput',
          line: 1,
          column: 109,
          message: '"${input:tokn}" names an input that "inputs" does not declare'
        }
      ]
    },
    {
      name: 'VS Code input without any inputs',
      path: '.vscode/mcp.json',
      text: vscodeEnv('${input:token}'),
      errors: [{ messageId: 'undeclaredInput', line: 1, column: vscodeColumn }]
    },
    {
      name: '${env:VAR} in Gemini CLI',
      path: '.gemini/settings.json',
      text: env('${env:KEY}'),
      errors: [
        {
          messageId: 'notExpanded',
          line: 1,
          column: envColumn,
          severity: 'error',
          message: '"${env:KEY}" is not expanded by Gemini CLI; write "${KEY}"'
        }
      ]
    },
    {
      name: 'any reference in Codex, with its advice',
      path: '.codex/config.toml',
      text: '[mcp_servers.s]\ncommand = "x"\nenv = { TOKEN = "${TOKEN}" }\n',
      errors: [
        {
          messageId: 'notExpanded',
          line: 3,
          column: 18,
          endColumn: 26,
          // Codex 0.171.0 starts the server with the text as written: a warning.
          severity: 'warning',
          message: /^"\$\{TOKEN\}" is not expanded by Codex; .*env_vars = \["TOKEN"\]/
        }
      ]
    },
    {
      name: 'a reference in a TOML literal string',
      path: '.codex/config.toml',
      text: "[mcp_servers.s]\ncommand = 'x'\nargs = ['--token=$TOKEN']\n",
      errors: [{ messageId: 'notExpanded', line: 3, column: 18 }]
    },
    {
      name: 'any reference in Zed',
      path: '.zed/settings.json',
      text: '{ "context_servers": { "s": { "command": "x", "env": { "K": "${K}" } } } }',
      errors: [{ messageId: 'notExpanded', line: 1, column: 62, message: /leave K out of "env"/ }]
    },
    {
      name: '${VAR} in Windsurf (undocumented: a warning)',
      path: '.windsurf/mcp_config.json',
      text: env('${TOKEN}'),
      errors: [{ messageId: 'notExpanded', line: 1, column: envColumn, severity: 'warning' }]
    },
    {
      name: 'Antigravity (no known interpolation: a warning)',
      path: '.agents/mcp_config.json',
      text: env('${TOKEN}'),
      errors: [
        {
          messageId: 'notExpanded',
          line: 1,
          column: envColumn,
          severity: 'warning',
          message: /leave TOKEN out of "env"/
        }
      ]
    },
    {
      name: 'an escaped quote before the reference keeps the column exact',
      path: '.mcp.json',
      text: env('say \\"hi\\" ${env:X}'),
      errors: [{ messageId: 'notExpanded', line: 1, column: envColumn + 15 }]
    },
    {
      name: 'OpenCode {env:VAR} is expanded nowhere',
      path: '.mcp.json',
      text: env('{env:TOKEN}'),
      errors: [
        {
          messageId: 'notExpanded',
          line: 1,
          column: envColumn,
          message: '"{env:TOKEN}" is not expanded by Claude Code; write "${TOKEN}"'
        }
      ]
    }
  ]
})
