import { describe, expect, it } from '@jest/globals'
import { appArmorProfile, restrictsUserNamespaces } from '../../src/runner/apparmor.js'

/**
 * The AppArmor path runs only where AppArmor restricts user namespaces (GitHub's ubuntu-24.04
 * images); this machine has no AppArmor, so what is checked here is the decision and the profile.
 */
describe('granting bwrap user namespaces with AppArmor', () => {
  it('applies only where AppArmor is loaded and restricts unprivileged user namespaces', () => {
    const files =
      (enabled: string | undefined, restricted: string | undefined) => (path: string) =>
        path.endsWith('apparmor/parameters/enabled') ? enabled : restricted
    expect(restrictsUserNamespaces(files('Y\n', '1\n'))).toBe(true)
    expect(restrictsUserNamespaces(files('Y\n', '0\n'))).toBe(false)
    expect(restrictsUserNamespaces(files(undefined, undefined))).toBe(false)
    expect(restrictsUserNamespaces(files('N\n', '1\n'))).toBe(false)
  })

  it('grants userns to bwrap by its real path and nothing else', () => {
    const profile = appArmorProfile('/usr/bin/bwrap')
    expect(profile).toContain('abi <abi/4.0>,')
    expect(profile).toContain('profile mcp-lint-bwrap /usr/bin/bwrap flags=(unconfined) {')
    expect(profile.match(/^\s+\w[^\n]*,$/gm)).toEqual(['  userns,'])
  })
})
