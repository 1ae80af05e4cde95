import { describe, expect, it } from '@jest/globals'
import { installBubblewrap, type Run } from '../src/action/install-bubblewrap.js'

/**
 * The decisions around apt-get, with the commands recorded instead of run: installing or removing
 * a system package is not something a test may do to the machine it runs on. The install itself
 * was measured by hand on a runner image (README).
 */
function machine(answers: Record<string, number>): { exec: Run; calls: string[] } {
  const calls: string[] = []
  const exec: Run = (command, args) => {
    const line = [command, ...args].join(' ')
    calls.push(line)
    const status = Object.entries(answers).find(([prefix]) => line.startsWith(prefix))?.[1] ?? 0
    return {
      status,
      stdout: '',
      stderr: status === 0 ? '' : 'E: failed',
      pid: 1,
      output: [],
      signal: null
    }
  }
  return { exec, calls }
}

describe('installing bubblewrap on the runner', () => {
  it('does nothing when bwrap is there', () => {
    const { exec, calls } = machine({})
    expect(installBubblewrap(() => undefined, exec, 'linux', 1001)).toEqual({ status: 'present' })
    expect(calls).toEqual(['bwrap --version'])
  })

  it('installs with sudo as the runner user, updating the lists when the first try fails', () => {
    let installs = 0
    const { exec: base, calls } = machine({ 'bwrap --version': 1 })
    const exec: Run = (command, args) => {
      const result = base(command, args)
      if (args.includes('install')) installs++
      // The first install fails (no package lists); after it succeeds, bwrap exists.
      if (args.includes('install') && installs === 1) return { ...result, status: 100 }
      if (command === 'bwrap' && installs >= 2) return { ...result, status: 0 }
      return result
    }
    const lines: string[] = []
    const outcome = installBubblewrap((line) => lines.push(line), exec, 'linux', 1001)
    expect(outcome.status).toBe('installed')
    expect(calls.filter((call) => call.startsWith('sudo'))).toEqual([
      'sudo -n true',
      'sudo -n apt-get install -y -q bubblewrap',
      'sudo -n apt-get update -q',
      'sudo -n apt-get install -y -q bubblewrap'
    ])
    expect(lines[0]).toBe('installing bubblewrap: apt-get install -y bubblewrap')
    expect(lines.at(-1)).toMatch(/^installed bubblewrap in \d+(\.\d)? s$/)
  })

  it('uses apt-get directly as root', () => {
    const { exec, calls } = machine({ 'bwrap --version': 1 })
    installBubblewrap(() => undefined, exec, 'linux', 0)
    expect(calls).toContain('apt-get install -y -q bubblewrap')
    expect(calls.some((call) => call.startsWith('sudo'))).toBe(false)
  })

  it.each([
    ['darwin', {}, 1001, 'bubblewrap runs on Linux only, not darwin'],
    ['win32', {}, undefined, 'bubblewrap runs on Linux only, not win32'],
    ['linux', { 'apt-get --version': 1 }, 1001, 'apt-get is not available to install it'],
    ['linux', { 'sudo -n true': 1 }, 1001, 'installing it needs root or passwordless sudo']
  ] as const)('skips on %s %j, saying why', (platform, answers, uid, reason) => {
    const { exec } = machine({ 'bwrap --version': 1, ...answers })
    expect(installBubblewrap(() => undefined, exec, platform, uid)).toEqual({
      status: 'skipped',
      reason
    })
  })

  it("reports a failed install with apt-get's last line", () => {
    const { exec } = machine({ 'bwrap --version': 1, 'sudo -n apt-get install': 100 })
    expect(installBubblewrap(() => undefined, exec, 'linux', 1001)).toEqual({
      status: 'failed',
      reason: 'apt-get install bubblewrap failed (E: failed)'
    })
  })
})
