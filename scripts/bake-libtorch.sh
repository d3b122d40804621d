#!/usr/bin/env bash
# Unpacks libtorch at image build time, so that a pod starts without unpacking ~450 MB (CPU) or several GB (CUDA), and
# the tokenizers library of the paraphrase model (DJL's HuggingFace tokenizers), so that nothing is written at start.
#
#   scripts/bake-libtorch.sh LIB_DIR ENGINE_DIR
#
# LIB_DIR holds the application's jars (the extracted layered jar's BOOT-INF/lib). From the PyTorch native jar there
# (pytorch-native-cpu or pytorch-native-cu124) it writes the libraries into ENGINE_DIR in the layout of DJL's engine
# cache, <ENGINE_DIR>/pytorch/<version>-<flavor>-<classifier>/, with DJL's JNI library from pytorch-jni beside them as
# <djl_version>-libdjl_torch.so. DJL (0.33) looks there first when ENGINE_CACHE_DIR=ENGINE_DIR and, finding
# libtorch.so, loads the libraries in place and writes nothing. Then it replaces the native jar with one that keeps
# only native/lib/pytorch.properties: DJL still reads the platform (version, flavor, libraries) from it, but no
# longer needs the libraries inside it, so the image does not carry them twice.
#
# Everything it needs is read from the jars' own properties files, so the same step serves the CPU and the CUDA
# build. Needs bash and the JDK's jar tool. scripts/layered-smoke.sh runs it on the CPU jar and starts relata with
# ENGINE_DIR unwritable, so a layout DJL does not accept fails CI.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 LIB_DIR ENGINE_DIR" >&2; exit 2; }
fail() { echo "bake-libtorch: $*" >&2; exit 1; }
lib_dir=$(cd "$1" && pwd) || fail "no folder $1"
mkdir -p "$2"
engine_dir=$(cd "$2" && pwd)

one_jar() { # one_jar GLOB: the single jar in LIB_DIR matching GLOB
  local matches=("$lib_dir"/$1)
  [ "${#matches[@]}" -eq 1 ] && [ -f "${matches[0]}" ] || fail "expected one $1 in $lib_dir, found: ${matches[*]}"
  echo "${matches[0]}"
}
native_jar=$(one_jar 'pytorch-native-*.jar')
jni_jar=$(one_jar 'pytorch-jni-*.jar')
engine_jar=$(one_jar 'pytorch-engine-*.jar')

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && jar xf "$native_jar" native/lib/pytorch.properties && jar xf "$engine_jar" pytorch-engine.properties)
property() { # property FILE KEY
  sed -n "s/^$2=//p" "$work/$1" | tr -d '\r' | head -1
}
version=$(property native/lib/pytorch.properties version)
flavor=$(property native/lib/pytorch.properties flavor)
classifier=$(property native/lib/pytorch.properties classifier)
libraries=$(property native/lib/pytorch.properties libraries)
djl_version=$(property pytorch-engine.properties djl_version)
[ -n "$version" ] && [ -n "$flavor" ] && [ -n "$classifier" ] && [ -n "$libraries" ] && [ -n "$djl_version" ] \
  || fail "incomplete properties in $native_jar or $engine_jar (version '$version', flavor '$flavor', classifier '$classifier', djl_version '$djl_version')"

# DJL's own naming: PyTorch builds that ship libstdc++ are the pre-C++11 ABI flavour.
dir_flavor=$flavor
case ",$libraries," in *,libstdc++.so.6,*) [[ $flavor == *-precxx11 ]] || dir_flavor=$flavor-precxx11 ;; esac
target=$engine_dir/pytorch/$version-$dir_flavor-$classifier
mkdir -p "$target"

IFS=, read -ra libs <<<"$libraries"
entries=()
for lib in "${libs[@]}"; do entries+=("pytorch/$flavor/$classifier/$lib"); done
(cd "$work" && jar xf "$native_jar" "${entries[@]}")
for lib in "${libs[@]}"; do
  [ -s "$work/pytorch/$flavor/$classifier/$lib" ] || fail "$native_jar has no pytorch/$flavor/$classifier/$lib"
  mv "$work/pytorch/$flavor/$classifier/$lib" "$target/$lib"
done

jni=jnilib/$classifier/$dir_flavor/libdjl_torch.so
(cd "$work" && jar xf "$jni_jar" "$jni")
[ -s "$work/$jni" ] || fail "$jni_jar has no $jni"
mv "$work/$jni" "$target/$djl_version-libdjl_torch.so"

# DJL's tokenizers library (the paraphrase model's tokenizer) looks in <ENGINE_DIR>/tokenizers/<version>-cpu-<classifier>/
# first, the same way; its jar has a CPU build only, which DJL also picks on a CUDA machine.
tokenizers_jar=$(one_jar 'tokenizers-*.jar')
(cd "$work" && jar xf "$tokenizers_jar" native/lib/tokenizers.properties "native/lib/$classifier/cpu/libtokenizers.so")
tokenizers_version=$(property native/lib/tokenizers.properties version)
[ -n "$tokenizers_version" ] && [ -s "$work/native/lib/$classifier/cpu/libtokenizers.so" ] \
  || fail "$tokenizers_jar has no version or no native/lib/$classifier/cpu/libtokenizers.so"
tokenizers_target=$engine_dir/tokenizers/$tokenizers_version-cpu-$classifier
mkdir -p "$tokenizers_target"
mv "$work/native/lib/$classifier/cpu/libtokenizers.so" "$tokenizers_target/libtokenizers.so"

chmod -R a+rX,go-w "$engine_dir"

# The native jar, less its libraries: same name (the launcher's classpath index lists it), platform file only.
mkdir "$work/stub"
(cd "$work/stub" && mkdir -p native/lib && cp "$work/native/lib/pytorch.properties" native/lib/ \
  && jar cfM "$work/stub.jar" native/lib/pytorch.properties)
mv "$work/stub.jar" "$native_jar"

echo "bake-libtorch: $(du -sh "$target" | cut -f1) of libtorch $version ($flavor, $classifier) in $target; $(basename "$native_jar") keeps only its platform file; tokenizers $tokenizers_version in $tokenizers_target" >&2
