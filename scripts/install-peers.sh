#!/usr/bin/env bash
# Install the terminal presenters that `npm run bench` compares Lectern with (mdp, patat,
# lookatme) and the terminal emulator the shared harness reads screens with (python3-pyte).
# Idempotent: installs only what is missing, and runs `apt-get update` only then. A package
# the archive does not have is a warning, not a failure: the bench skips missing peers.
# Needs root (or sudo) on a Debian/Ubuntu machine.
set -u

# python3-mistune0: lookatme 2.x needs mistune 0.8 and Debian packages it separately.
PACKAGES=(mdp patat lookatme python3-mistune0 python3-pyte)

if ! command -v apt-get >/dev/null 2>&1; then
	echo "install-peers: apt-get not found; install ${PACKAGES[*]} by hand" >&2
	exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		SUDO=(sudo)
	else
		echo "install-peers: not root and no sudo; cannot install ${PACKAGES[*]}" >&2
		exit 1
	fi
fi

installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

missing=()
for p in "${PACKAGES[@]}"; do
	if installed "$p"; then
		echo "install-peers: $p already installed"
	else
		missing+=("$p")
	fi
done
if [ ${#missing[@]} -eq 0 ]; then
	echo "install-peers: nothing to install"
	exit 0
fi

echo "install-peers: apt-get update (missing: ${missing[*]})"
${SUDO[@]+"${SUDO[@]}"} apt-get update -qq || echo "install-peers: warning: apt-get update failed; trying anyway" >&2

log=$(mktemp)
# One package at a time, so one the archive lacks does not stop the others.
status=0
for p in "${missing[@]}"; do
	if ! apt-cache show "$p" >/dev/null 2>&1; then
		echo "install-peers: warning: no package $p in the archive; skipping it" >&2
		continue
	fi
	echo "install-peers: installing $p"
	# apt's chatter (debconf notices) only matters when the install fails.
	if ! ${SUDO[@]+"${SUDO[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$p" >"$log" 2>&1; then
		tail -n 20 "$log" >&2
		echo "install-peers: warning: installing $p failed" >&2
		status=1
	fi
done
rm -f "$log"
exit $status
