/** Variables every server gets; nothing else from the runner's environment reaches it. */
export function baseEnv(home: string, npmCache: string, path: string): Record<string, string> {
  return {
    HOME: home,
    PATH: path,
    LANG: 'C.UTF-8',
    TMPDIR: '/tmp',
    NO_COLOR: '1',
    NO_UPDATE_NOTIFIER: '1',
    npm_config_cache: npmCache,
    npm_config_offline: 'true',
    npm_config_yes: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    PUPPETEER_SKIP_DOWNLOAD: 'true'
  }
}
