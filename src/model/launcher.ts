/**
 * What a stdio server's command line fetches and runs: the package manager, the package or image
 * spec, and where it sits in `args`. Pure argv parsing for the rules and the runner.
 */
export interface PackageRef {
  readonly manager: 'npm' | 'uv' | 'pipx' | 'docker'
  /** `pkg@1.2.3`, `pkg==1.2.3`, `ghcr.io/org/image:tag`. */
  readonly spec: string
  /** Index of the spec in `args`. */
  readonly index: number
}

/** The program a command names: `/usr/local/bin/npx.cmd` → `npx`. */
export function programName(command: string): string {
  return (command.split(/[\\/]/).at(-1) ?? command).replace(/\.(exe|cmd|bat)$/i, '').toLowerCase()
}

/**
 * The command line with a Windows `cmd /c` wrapper taken off, so `cmd /c npx -y pkg` reads as
 * `npx -y pkg`; `offset` is where the inner args start in the original args.
 */
export function unwrapCmd(
  command: string,
  args: readonly string[]
): { command: string; args: readonly string[]; offset: number } {
  if (programName(command) === 'cmd' && /^\/c$/i.test(args[0] ?? '') && args[1] !== undefined)
    return { command: args[1], args: args.slice(2), offset: 2 }
  return { command, args, offset: 0 }
}

/** Flags of the launchers that take a separate value (`--with requests`, `-e KEY=VALUE`). */
const npxValueFlags = new Set(['-c', '--call', '--cache', '--registry', '--userconfig'])
const uvValueFlags = new Set([
  '--with',
  '--with-requirements',
  '--with-editable',
  '--python',
  '-p',
  '--index',
  '--index-url',
  '--extra-index-url',
  '--default-index',
  '--find-links',
  '-f',
  '--constraints',
  '--overrides',
  '--directory',
  '--project',
  '--cache-dir',
  '--config-file',
  '--env-file',
  '--python-platform'
])
const pipxValueFlags = new Set(['--python', '--pip-args', '--index-url', '--spec'])
const dockerValueFlags = new Set([
  '-e',
  '--env',
  '--env-file',
  '-v',
  '--volume',
  '--mount',
  '--name',
  '-p',
  '--publish',
  '--network',
  '--net',
  '-w',
  '--workdir',
  '-u',
  '--user',
  '--entrypoint',
  '--platform',
  '--pull',
  '-l',
  '--label',
  '--add-host',
  '--cap-add',
  '--cap-drop',
  '--security-opt',
  '-m',
  '--memory',
  '--cpus',
  '--device',
  '--ulimit',
  '-h',
  '--hostname',
  '--dns',
  '--tmpfs',
  '--shm-size',
  '--gpus',
  '--runtime',
  '--ipc',
  '--pid',
  '--restart',
  '--log-driver',
  '--log-opt',
  '--cidfile',
  '--group-add',
  '--expose',
  '--stop-signal',
  '--stop-timeout'
])

/** The package or image a launcher command line fetches, if it is one mcp-lint knows. */
export function packageOf(command: string, args: readonly string[]): PackageRef | undefined {
  const inner = unwrapCmd(command, args)
  const found = innerPackage(programName(inner.command), inner.args)
  return found === undefined ? undefined : { ...found, index: found.index + inner.offset }
}

function innerPackage(program: string, args: readonly string[]): PackageRef | undefined {
  switch (program) {
    case 'npx':
    case 'pnpx':
    case 'bunx':
      return npm(args, 0)
    case 'npm':
      return args[0] === 'exec' || args[0] === 'x' ? npm(args, 1) : undefined
    case 'pnpm':
    case 'yarn':
    case 'bun':
      return args[0] === 'dlx' || (program === 'bun' && args[0] === 'x') ? npm(args, 1) : undefined
    case 'uvx':
      return uv(args, 0)
    case 'uv':
      return args[0] === 'tool' && args[1] === 'run'
        ? uv(args, 2)
        : args[0] === 'x'
          ? uv(args, 1)
          : undefined
    case 'pipx':
      return args[0] === 'run' ? pipx(args, 1) : undefined
    case 'docker':
    case 'podman':
      return args[0] === 'run' ? docker(args, 1) : undefined
    default:
      return undefined
  }
}

function npm(args: readonly string[], from: number): PackageRef | undefined {
  return packageOption('npm', args, from, ['-p', '--package'], npxValueFlags)
}

function uv(args: readonly string[], from: number): PackageRef | undefined {
  return packageOption('uv', args, from, ['--from'], uvValueFlags)
}

function pipx(args: readonly string[], from: number): PackageRef | undefined {
  return packageOption('pipx', args, from, ['--spec'], pipxValueFlags)
}

/**
 * The package an option before the command names (`npx -p pkg cmd`, `uvx --from pkg cmd`), else
 * the first operand. Only options before that operand are the launcher's: in
 * `npx -y @mizchi/lsmcp -p typescript` the `-p` is lsmcp's own.
 */
function packageOption(
  manager: PackageRef['manager'],
  args: readonly string[],
  from: number,
  flags: readonly string[],
  valueFlags: ReadonlySet<string>
): PackageRef | undefined {
  for (let index = from; index < args.length; index++) {
    const arg = args[index] ?? ''
    if (arg === '--' || !arg.startsWith('-')) break
    if (flags.includes(arg)) return at(manager, args, index + 1)
    const flag = flags.find((name) => name.startsWith('--') && arg.startsWith(`${name}=`))
    if (flag !== undefined) return { manager, spec: arg.slice(flag.length + 1), index }
    if (valueFlags.has(arg)) index++
  }
  return firstOperand(manager, args, from, valueFlags)
}

function docker(args: readonly string[], from: number): PackageRef | undefined {
  return firstOperand('docker', args, from, dockerValueFlags)
}

function at(manager: PackageRef['manager'], args: readonly string[], index: number) {
  const spec = args[index]
  return spec === undefined ? undefined : { manager, spec, index }
}

/** The first argument that is not an option or an option's value. */
function firstOperand(
  manager: PackageRef['manager'],
  args: readonly string[],
  from: number,
  valueFlags: ReadonlySet<string>
): PackageRef | undefined {
  for (let index = from; index < args.length; index++) {
    const arg = args[index] ?? ''
    if (arg === '--') return at(manager, args, index + 1)
    if (!arg.startsWith('-')) return { manager, spec: arg, index }
    if (valueFlags.has(arg)) index++
  }
  return undefined
}

/** `@scope/name@1.2.3` → `@scope/name`. */
export function packageName(spec: string): string {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0)
  return at === -1 ? spec : spec.slice(0, at)
}

/** One published version (`1.2.3`, `2.0.0-rc.1`), not a range or a tag: npm never changes what it names. */
export function isExactVersion(version: string): boolean {
  return /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(version)
}

/** `@scope/name@1.2.3` → `1.2.3`; undefined when the spec names no version. */
export function packageVersion(spec: string): string | undefined {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0)
  return at === -1 ? undefined : spec.slice(at + 1)
}
