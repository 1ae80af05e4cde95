#!/usr/bin/env bash
# Makes this machine look like a GitHub-hosted ubuntu-24.04 runner to mcp-lint's sandbox, as far as
# a container can: a non-root `runner` user with passwordless sudo, and a `bwrap` first on its PATH
# that refuses to create a user namespace for anyone but root, with the message bwrap prints when
# ubuntu-24.04's AppArmor restriction (kernel.apparmor_restrict_unprivileged_userns=1) stops it.
# Idempotent; needs root. The tests in __tests__/runner/hosted-runner.test.ts run the built Action
# as that user with SIMULATED_RUNNER_BIN first on PATH.
set -euo pipefail

SHIM_DIR="${SIMULATED_RUNNER_BIN:-/opt/mcp-lint-runner-sim/bin}"

if [ "$(id -u)" != "0" ]; then
  echo "simulate-hosted-runner: needs root" >&2
  exit 1
fi

missing=()
command -v sudo >/dev/null 2>&1 || missing+=(sudo)
command -v bwrap >/dev/null 2>&1 || missing+=(bubblewrap)
command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

if ! id runner >/dev/null 2>&1; then
  useradd --create-home --shell /bin/bash --uid 1001 runner 2>/dev/null ||
    useradd --create-home --shell /bin/bash runner
fi
# As on the hosted images: the runner user may run anything with sudo, without a password.
printf 'runner ALL=(ALL) NOPASSWD:ALL\n' >/etc/sudoers.d/runner
chmod 0440 /etc/sudoers.d/runner

real_bwrap="$(command -v bwrap)"
if [ "$real_bwrap" = "$SHIM_DIR/bwrap" ]; then
  real_bwrap=/usr/bin/bwrap
fi
mkdir -p "$SHIM_DIR"
cat >"$SHIM_DIR/bwrap" <<EOF
#!/bin/sh
# ubuntu-24.04's AppArmor lets only root (or a profile granting userns) create user namespaces.
if [ "\$(id -u)" != "0" ]; then
  case " \$* " in
    *" --version "*) exec $real_bwrap --version ;;
  esac
  echo "bwrap: setting up uid map: Permission denied" >&2
  exit 1
fi
exec $real_bwrap "\$@"
EOF
chmod 0755 "$SHIM_DIR" "$SHIM_DIR/bwrap"
echo "simulated hosted runner: user runner ($(id -u runner)), passwordless sudo, $SHIM_DIR/bwrap"
