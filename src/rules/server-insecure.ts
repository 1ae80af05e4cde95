import type { AnyConfigFile, ServerEntry } from '../model/workspace.js'
import {
  packageName,
  packageOf,
  packageVersion,
  programName,
  unwrapCmd
} from '../model/launcher.js'
import { quote } from '../util/quote.js'
import type { Location } from '../model/location.js'
import { ownEntries } from '../canonical/surface.js'
import { fieldName, type CanonicalServer, type Item } from '../canonical/canonical.js'
import { locateField } from '../source/locate.js'
import { normalizeEntry } from '../canonical/normalize.js'
import { defineRule, type Report } from './rule.js'

const messages = {
  plainHttp: (d: { url: string }) =>
    `${quote(d.url)} is plain ${d.url.startsWith('ws:') ? 'ws://' : 'http://'} to a host that is not this machine: tokens and tool traffic cross the network unencrypted; use https://`,
  allowHttp: () =>
    'mcp-remote --allow-http sends tokens and tool traffic to a remote host unencrypted; use an https:// URL',
  tlsOff: (d: { name: string }) =>
    `${d.name}=0 turns off TLS certificate checks for the server, so anyone on the network path can read and change its traffic; fix the certificate chain (NODE_EXTRA_CA_CERTS) instead`,
  trust: () =>
    'Gemini CLI runs every tool of a server with "trust": true without asking; keep confirmations on and allow single tools instead',
  autoApprove: (d: { field: string; count: number; everything: boolean }) =>
    d.everything
      ? `${d.field} approves every tool of the server ("*"), so the model calls them without asking; list the few read-only tools instead`
      : `${d.field} approves ${d.count} tools without asking, a blanket approval: keep it to the few read-only tools`,
  shell: (d: { program: string }) =>
    `the server is started through a shell (${d.program}), so a changed argument or variable runs arbitrary commands and nothing can be pinned; start the server program directly`,
  pipeToShell: () =>
    'the command downloads a script and pipes it to a shell: whatever the URL serves runs on every start; install a pinned package instead',
  sudo: (d: { program: string }) =>
    `the server is started with ${d.program}, so it and every tool call run as root; run it as the user`,
  docker: (d: { flag: string; effect: string }) =>
    `docker run ${quote(d.flag)} ${d.effect}; the container is no boundary any more`,
  broadRoot: (d: { path: string }) =>
    `the filesystem server is given ${quote(d.path)}: every file there, SSH keys and tokens included, is one tool call away from the model; give it the project directory`,
  substitution: (d: { platform: string; field: string }) =>
    `${d.platform} runs the command substitution in ${d.field} when it starts the server, so a command written in the repository runs on the machine of everyone who opens it; write the value, or a \${VAR} reference`,
  vulnerable: (d: { version: string }) =>
    `mcp-remote ${d.version} is older than 0.1.16, which fixes CVE-2025-6514 (OS command injection through a malicious authorization endpoint); upgrade`
}

type InsecureReport = Report<typeof messages>

export default defineRule({
  id: 'server-insecure',
  phase: 'workspace',
  severity: 'warning',
  docs: {
    description: 'Disallow server settings that weaken transport, approval or isolation',
    rationale:
      'Some settings hand the model, or whoever controls a URL, more than the server needs: plain `http://` ' +
      'or `ws://` to remote hosts (and mcp-remote `--allow-http`), `NODE_TLS_REJECT_UNAUTHORIZED=0`, Gemini ' +
      'CLI `trust: true` and auto-approve lists (`alwaysAllow`, `autoApprove`) that skip confirmations, ' +
      'servers started through `sh -c` or a `curl … | sh` pipeline, `sudo`, `docker run` with ' +
      '`--privileged`, host networking or the Docker socket, a filesystem server given `/` or a home ' +
      'directory, and mcp-remote before 0.1.16 (CVE-2025-6514). Each is reported where it is written.',
    examples: {
      invalid: [
        {
          path: '.gemini/settings.json',
          text: '{\n  "mcpServers": {\n    "files": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-filesystem@2026.8.31", "/"],\n      "trust": true\n    },\n    "tracker": { "url": "http://tracker.example.com/mcp", "type": "http" }\n  }\n}\n'
        }
      ],
      valid: [
        {
          path: '.gemini/settings.json',
          text: '{\n  "mcpServers": {\n    "files": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-filesystem@2026.8.31", "."]\n    },\n    "tracker": { "url": "https://tracker.example.com/mcp", "type": "http" },\n    "local": { "url": "http://localhost:3000/mcp", "type": "http" }\n  }\n}\n'
        }
      ]
    }
  },
  messages,
  check({ workspace, report }) {
    for (const { file, entry } of ownEntries(workspace)) checkLaunch(file, entry, report)
    // Approval settings are platform fields, so they are checked where the platform reads them.
    for (const file of workspace.files)
      for (const entry of file.servers) checkApproval(entry, report)
  }
})

function checkLaunch(file: AnyConfigFile, entry: ServerEntry, report: InsecureReport): void {
  const server = normalizeEntry(file.platform, entry)
  const name = entry.name.value
  const at = (item: Item<unknown> | undefined) => locateField(entry, item?.path, false)
  if (server.url !== undefined && isPlainRemote(server.url.value))
    report('plainHttp', at(server.url), { url: server.url.value }, { server: name })
  for (const [key, value] of server.env)
    if (
      /^(NODE_TLS_REJECT_UNAUTHORIZED|PYTHONHTTPSVERIFY)$/.test(key) &&
      value.value.trim() === '0'
    )
      report('tlsOff', at(value), { name: key }, { server: name })
  if (file.platform.interpolation.commandSubstitution !== undefined)
    checkSubstitution(file, server, name, at, report)
  if (server.command === undefined) return
  const args = server.args
  const {
    command,
    args: inner,
    offset
  } = unwrapCmd(
    server.command.value,
    args.map((arg) => arg.value)
  )
  const program = programName(command)
  const commandItem = offset === 0 ? server.command : args[offset - 1]
  if (program === 'sudo' || program === 'doas')
    report('sudo', at(commandItem), { program }, { server: name })
  const line = [command, ...inner].join(' ')
  if (
    /\b(curl|wget)\b[^|]*\|\s*(sudo\s+)?(ba|z|da|k)?sh\b|\b(iex|invoke-expression)\b[^;]*\b(irm|iwr|invoke-(rest|web)request)\b/i.test(
      line
    )
  )
    report('pipeToShell', at(commandItem), undefined, { server: name })
  // `cmd /c npx …` is the usual Windows recipe; only a cmd line with shell syntax is reported.
  else if (offset > 0 && [command, ...inner].some((arg) => /[|&;<>`]|\$\(/.test(arg)))
    report('shell', at(server.command), { program: 'cmd /c' }, { server: name })
  else if (startsShell(program, inner))
    report('shell', at(commandItem), { program }, { server: name })
  const ref = packageOf(
    server.command.value,
    args.map((arg) => arg.value)
  )
  if (ref?.manager === 'docker') checkDocker(inner, offset, args, entry, report)
  if (ref?.manager === 'npm') {
    const pkg = packageName(ref.spec)
    const version = packageVersion(ref.spec)
    if (pkg === 'mcp-remote') {
      if (version !== undefined && olderThan(version, [0, 1, 16]))
        report('vulnerable', at(args[ref.index]), { version }, { server: name })
      for (const arg of args.slice(ref.index + 1)) {
        if (arg.value === '--allow-http') report('allowHttp', at(arg), undefined, { server: name })
        else if (isPlainRemote(arg.value))
          report('plainHttp', at(arg), { url: arg.value }, { server: name })
      }
    }
    if (/(^|\/)(server-filesystem|mcp-server-filesystem|filesystem-mcp)$/.test(pkg))
      for (const arg of args.slice(ref.index + 1))
        if (isBroadRoot(arg.value))
          report('broadRoot', at(arg), { path: arg.value }, { server: name })
  }
}

function checkApproval(entry: ServerEntry, report: InsecureReport): void {
  const name = entry.name.value
  const trust = entry.fields.get('trust')
  if (trust?.value.kind === 'boolean' && trust.value.value)
    report('trust', trust.key.location, undefined, { server: name })
  for (const field of ['alwaysAllow', 'autoApprove']) {
    const property = entry.fields.get(field)
    if (property?.value.kind !== 'array' || property.value.items.length === 0) continue
    const values = property.value.items.map((item) => (item.kind === 'string' ? item.value : ''))
    // A short list of named tools is a deliberate choice; "*" or a long list is a blanket approval.
    if (!values.includes('*') && values.length < blanketApproval) continue
    report(
      'autoApprove',
      property.key.location,
      { field, count: values.length, everything: values.includes('*') },
      { server: name }
    )
  }
}

/** Auto-approved tools from which a list counts as blanket approval. */
const blanketApproval = 10

const shells = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'ash'])

function startsShell(program: string, args: readonly string[]): boolean {
  if (shells.has(program)) return args.some((arg) => /^-[a-z]*c[a-z]*$/.test(arg))
  if (program === 'powershell' || program === 'pwsh')
    return args.some((arg) => /^-(c|command|e|ec|encodedcommand)$/i.test(arg))
  return false
}

function checkDocker(
  inner: readonly string[],
  offset: number,
  args: readonly Item<string>[],
  entry: ServerEntry,
  report: InsecureReport
): void {
  const name = entry.name.value
  for (let index = 0; index < inner.length; index++) {
    const arg = inner[index] ?? ''
    if (!arg.startsWith('-')) {
      if (index > 0) break // the image: what follows is the server's own arguments
      continue
    }
    const [flag = '', inline] = arg.split(/=(.*)/s)
    const value = inline ?? inner[index + 1] ?? ''
    const effect = dockerEffect(flag, value)
    if (effect !== undefined) {
      const item = args[offset + index]
      report(
        'docker',
        locateField(entry, item?.path, false),
        {
          flag: inline === undefined && flag !== '--privileged' ? `${flag} ${value}` : arg,
          effect
        },
        { server: name }
      )
    }
  }
}

function dockerEffect(flag: string, value: string): string | undefined {
  if (flag === '--privileged') return 'gives the container every capability and the host devices'
  if (flag === '--cap-add' && /^(all|sys_admin)$/i.test(value))
    return 'gives the container administrator capabilities on the host kernel'
  if ((flag === '--pid' || flag === '--ipc') && value === 'host')
    return 'shares the host processes with the container'
  if ((flag === '--network' || flag === '--net') && value === 'host')
    return 'puts the container on the host network, local services included'
  if ((flag === '-v' || flag === '--volume' || flag === '--mount') && value.includes('docker.sock'))
    return 'hands the container the Docker socket, which is root on the host'
  if ((flag === '-v' || flag === '--volume') && value.startsWith('/:'))
    return 'mounts the whole host filesystem into the container'
  if (flag === '--security-opt' && value.includes('unconfined'))
    return 'turns off the seccomp or AppArmor profile'
  return undefined
}

function isPlainRemote(url: string): boolean {
  const match = /^(?:http|ws):\/\/(\[[^\]]*\]|[^/:?#]*)/i.exec(url)
  if (match === null) return false
  const host = (match[1] ?? '').toLowerCase()
  if (host === '' || host.includes('${') || host.includes('$')) return false
  return !(
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    host === '0.0.0.0' ||
    host === 'host.docker.internal' ||
    /^127\.\d+\.\d+\.\d+$/.test(host)
  )
}

function isBroadRoot(path: string): boolean {
  const trimmed = path.trim().replace(/[\\/]+$/, '')
  return (
    trimmed === '' ||
    /^(~|\$HOME|\$\{HOME\}|\$\{USERPROFILE\}|\$\{userHome\}|%USERPROFILE%|\/home|\/Users|\/root|\.\.)$/.test(
      trimmed
    ) ||
    /^[A-Za-z]:$/.test(trimmed) ||
    /^\/(home|Users)\/[^/]+$/.test(trimmed) ||
    /^[A-Za-z]:[\\/]Users[\\/][^\\/]+$/.test(trimmed)
  )
}

function olderThan(version: string, than: readonly [number, number, number]): boolean {
  const parts = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version)
  if (parts === null) return false
  const [major, minor, patch] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  return (
    major < than[0] ||
    (major === than[0] && (minor < than[1] || (minor === than[1] && patch < than[2])))
  )
}

/** `$(…)` or a backtick in a field the platform shell-expands (`Interpolation.commandSubstitution`). */
function checkSubstitution(
  file: AnyConfigFile,
  server: CanonicalServer,
  name: string,
  at: (item: Item<unknown> | undefined) => Location,
  report: InsecureReport
): void {
  const items: Item<string>[] = [
    ...(server.command === undefined ? [] : [server.command]),
    ...server.args,
    ...server.env.values(),
    ...(server.url === undefined ? [] : [server.url]),
    ...server.headers.values()
  ]
  const hit = items.find((item) => /\$\(|`/.test(item.value))
  if (hit !== undefined)
    report(
      'substitution',
      at(hit),
      { platform: file.platform.displayName, field: `"${fieldName(hit.path)}"` },
      { server: name }
    )
}
