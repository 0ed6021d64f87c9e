#!/usr/bin/env bash
# Installs what the notebooks need (as root): Jupyter from Debian (nbconvert to run them headless)
# and the TypeScript kernel `tslab` from the project's own node_modules (`npm ci` installs it).
# Idempotent. Tested set-up: ../shared/NOTEBOOKS-AND-SLURM.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! /usr/bin/jupyter nbconvert --version >/dev/null 2>&1; then
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages' -mtime -1 2>/dev/null | head -1)" ]; then apt-get update -qq; fi
  apt-get install -y -qq --no-install-recommends jupyter-notebook python3-notebook jupyter-nbconvert python3-nbconvert jupyter-client >/dev/null
fi
# The Debian python has the Jupyter modules; the kernel runs this checkout's tslab (absolute path).
npx tslab install --python=/usr/bin/python3 --binary="$PWD/node_modules/.bin/tslab" >/dev/null
/usr/bin/jupyter kernelspec list | grep -q tslab || { echo "setup-jupyter.sh: the tslab kernel is not registered" >&2; exit 1; }
echo "jupyter $(/usr/bin/jupyter nbconvert --version) with the tslab TypeScript kernel"
