import { quote, quoteList } from '../util/quote.js'
import { serverHomes, toolsByName } from '../canonical/surface.js'
import { listedExample } from './examples.js'
import { defineRule } from './rule.js'

/** Verbs and nouns that need an object to mean anything to a model choosing among many tools. */
const generic = new Set([
  'call',
  'create',
  'delete',
  'do',
  'exec',
  'execute',
  'fetch',
  'get',
  'handle',
  'help',
  'info',
  'invoke',
  'list',
  'login',
  'logout',
  'post',
  'process',
  'put',
  'query',
  'read',
  'remove',
  'run',
  'search',
  'send',
  'set',
  'start',
  'status',
  'stop',
  'test',
  'update',
  'write'
])

export default defineRule({
  id: 'tool-name-generic',
  phase: 'workspace',
  severity: 'notice',
  docs: {
    description: 'Require tool names that name their domain',
    rationale:
      'A model picks a tool by its name first. `search`, `get`, `update`, `login` or `run` on their own ' +
      "collide with other servers' tools (the same raw name in two servers is ambiguous on every platform) " +
      'and leave the model guessing which system they act on. Tools named for their object ' +
      '(`search_issues`, `get_customer`) are chosen correctly more often. Tools come from enumeration or ' +
      'the lockfile; reported once per server.',
    examples: {
      invalid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "crm": { "command": "npx", "args": ["-y", "crm-mcp@1.4.0"] }\n  }\n}\n',
          enumeration: [listedExample('.mcp.json', 'crm', ['search', 'get', 'update_customer'])]
        }
      ],
      valid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "crm": { "command": "npx", "args": ["-y", "crm-mcp@1.4.0"] }\n  }\n}\n',
          enumeration: [
            listedExample('.mcp.json', 'crm', [
              'search_customers',
              'get_customer',
              'update_customer'
            ])
          ]
        }
      ]
    }
  },
  messages: {
    generic: (d: { server: string; tools: string; count: number }) =>
      `server ${quote(d.server)} has ${d.count === 1 ? 'a tool' : `${d.count} tools`} with no domain in the name (${d.tools}): other servers' tools are named the same, and the model cannot tell what they act on; name the object ("search_issues")`
  },
  check({ workspace, report }) {
    for (const home of serverHomes(workspace)) {
      const tools = toolsByName(workspace, home.name)?.tools ?? []
      const vague = [
        ...new Set(tools.map((tool) => tool.name).filter((name) => generic.has(name.toLowerCase())))
      ]
      if (vague.length > 0)
        report(
          'generic',
          home.entry.name.location,
          { server: home.name, tools: quoteList(vague), count: vague.length },
          { server: home.name }
        )
    }
  }
})
