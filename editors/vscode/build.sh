#!/usr/bin/env bash
# Build the VS Code extension: install its npm packages, regenerate and test the grammars, package
# the .vsix (dist/constitution-rules.vsix). Needs node and npm (the npm registry for the packages).
set -euo pipefail
cd "$(dirname "$0")"
python3 syntaxes/generate.py
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
npm test
mkdir -p dist
npm run package
echo "built $(pwd)/dist/constitution-rules.vsix"
