#!/usr/bin/env bash

set -ue

function usage() {
  cat << EOF

  Update the node docker images.

  Usage:
    $0 [-s] [MAJOR_VERSION(S)] [VARIANT(S)]

  Examples:
    - update.sh                           # Update all images
    - update.sh -s                        # Update all images, skip updating Alpine if the musl build is unavailable
    - update.sh 22,24                     # Update all variants of version 22 and 24
    - update.sh -s 24                     # Update all variants of version 24, except skip updating Alpine if the musl build is unavailable
    - update.sh 24 alpine3.23,alpine3.24  # Update only alpine3.23 & alpine3.24 variants for version 24
    - update.sh . trixie,trixie-slim      # Update only trixie & trixie-slim Debian variants for all versions

  OPTIONS:
    -s Security update; allows Debian updates even if musl build for Alpine is unavailable
    -h Show this message

EOF
}

SKIP_ALPINE=false
while getopts "sh" opt; do
  case "${opt}" in
    s)
      SKIP_ALPINE=true
      shift
      ;;
    h)
      usage
      exit
      ;;
    \?)
      usage
      exit
      ;;
  esac
done

if ! command -v jq > /dev/null; then
  echo "**jq not installed**" >&2
  echo "Follow the instructions in https://jqlang.org/download/ to install" >&2
  exit 1
fi

. functions.sh

cd "$(cd "${0%/*}" && pwd -P)"

IFS=',' read -ra versions_arg <<< "${1:-}"
IFS=',' read -ra variant_arg <<< "${2:-}"

IFS=' ' read -ra versions <<< "$(get_versions .)"
IFS=' ' read -ra update_versions <<< "$(get_versions . "${versions_arg[@]:-}")"
IFS=' ' read -ra update_variants <<< "$(get_variants . "${variant_arg[@]:-}")"
if [ ${#versions[@]} -eq 0 ]; then
  fatal "No valid versions found!"
fi

# Global variables
# Get architecture and use this as target architecture for docker image
# See details in function.sh
# TODO: Should be able to specify target architecture manually
arch=$(get_arch)

function in_versions_to_update() {
  local version=$1

  if [ "${#update_versions[@]}" -eq 0 ]; then
    echo 0
    return
  fi

  for version_to_update in "${update_versions[@]}"; do
    if [ "${version_to_update}" = "${version}" ]; then
      echo 0
      return
    fi
  done

  echo 1
}

function in_variants_to_update() {
  local variant=$1

  if [ "${#update_variants[@]}" -eq 0 ]; then
    echo 0
    return
  fi

  for variant_to_update in "${update_variants[@]}"; do
    if [ "${variant_to_update}" = "${variant}" ]; then
      echo 0
      return
    fi
  done

  echo 1
}

function update_node_version() {

  local baseuri=${1}
  shift
  local version=${1}
  shift
  local template=${1}
  shift
  local dockerfile=${1}
  shift
  local variant=""
  if [ $# -eq 1 ]; then
    variant=${1}
    shift
  fi

  nodeVersion="$(curl -sSL --compressed "${baseuri}/index.json" | jq -r '[.[] | select(.version | startswith("v'"${version}"'."))] | first | .version | ltrimstr("v")')"
  (
    cp "${template}" "${dockerfile}-tmp"
    local fromprefix=""
    if [ "${arch}" != "amd64" ] && [ "${arch}" != "arm64" ]; then
      fromprefix="${arch}\\/"
    fi

    sed -Ei -e 's/^FROM (.*)/FROM '"$fromprefix"'\1/' "${dockerfile}-tmp"
    sed -Ei -e 's/^(ENV NODE_VERSION)=.*/\1='"${nodeVersion}"'/' "${dockerfile}-tmp"

    # shellcheck disable=SC1004
    new_line=' \\\
'

    # Add GPG keys
    while read -r line; do
      pattern='"\$\{'$(echo "node" | tr '[:lower:]' '[:upper:]')'_KEYS\[@\]\}"'
      sed -Ei -e "s/([ \\t]*)(${pattern})/\\1${line}${new_line}\\1\\2/" "${dockerfile}-tmp"
    done < "keys/node.keys"
    sed -Ei -e "/${pattern}/d" "${dockerfile}-tmp"

    if is_alpine "${variant}"; then
      alpine_version="${variant#*alpine}"
      checksum=$(
        curl -sSL --compressed "https://unofficial-builds.nodejs.org/download/release/v${nodeVersion}/SHASUMS256.txt" | grep "node-v${nodeVersion}-linux-x64-musl.tar.xz" | cut -d' ' -f1
      )
      if [ -z "$checksum" ]; then
        rm -f "${dockerfile}-tmp"
        if [ "${SKIP_ALPINE}" = true ]; then
          echo "${nodeVersion} is missing the musl build for ${variant}, but skipping for security release!"
        else
          fatal "Failed to fetch checksum for musl build version ${nodeVersion}"
        fi
      else
        sed -Ei -e "s/(alpine:)0.0/\\1${alpine_version}/" "${dockerfile}-tmp"

        alpine_arch=''
        local -a arches
        arches=$(jq -r ".\"${version}\".variants.\"alpine${alpine_version}\" | @sh" "versions.json")
        if [[ "${arches[0]}" == *"amd64"* ]]; then
          alpine_arch+='x86_64) ARCH='"'"'x64'"'"' CHECKSUM="'${checksum}'" OPENSSL_ARCH=linux-x86_64;; \\\n        '
        fi
        if [[ "${arches[0]}" == *"arm64v8"* ]]; then
          alpine_arch+='aarch64) OPENSSL_ARCH=linux-aarch64;; \\\n        '
        fi
        if [[ "${arches[0]}" == *"arm32"* ]]; then
          alpine_arch+='arm*) OPENSSL_ARCH=linux-armv4;; \\\n        '
        fi
        if [[ "${arches[0]}" == *"ppc64le"* ]]; then
          alpine_arch+='ppc64le) OPENSSL_ARCH=linux-ppc64le;; \\\n        '
        fi
        if [[ "${arches[0]}" == *"s390x"* ]]; then
          alpine_arch+='s390x) OPENSSL_ARCH=linux-s390x;; \\\n        '
        fi
        # shellcheck disable=SC1003
        alpine_arch+='*) echo "unsupported architecture"; exit 1 ;; \\'
        sed -Ei -e "s/\"\\$\{ALPINE_ARCH\[@\]\}\"/${alpine_arch}/" "${dockerfile}-tmp"
      fi
    elif is_debian "${variant}"; then
      sed -Ei -e "s/(buildpack-deps:)name/\\1${variant}/" "${dockerfile}-tmp"
      deb_arch=''
      local -a arches
      arches=$(jq -r ".\"${version}\".variants.\"${variant}\" | @sh" "versions.json")
      if [[ "${arches[0]}" == *"amd64"* ]]; then
        deb_arch+='amd64) ARCH='"'"'x64'"'"';; \\\n    '
      fi
      if [[ "${arches[0]}" == *"ppc64le"* ]]; then
        deb_arch+='ppc64el) ARCH='"'"'ppc64le'"'"';; \\\n    '
      fi
      if [[ "${arches[0]}" == *"s390x"* ]]; then
        deb_arch+='s390x) ARCH='"'"'s390x'"'"';; \\\n    '
      fi
      if [[ "${arches[0]}" == *"arm64v8"* ]]; then
        deb_arch+='arm64) ARCH='"'"'arm64'"'"';; \\\n    '
      fi
      if [[ "${arches[0]}" == *"arm32v7"* ]]; then
        deb_arch+='armhf) ARCH='"'"'armv7l'"'"';; \\\n    '
      fi
      # shellcheck disable=SC1003
      deb_arch+='*) echo "unsupported architecture"; exit 1 ;; \\'
      sed -Ei -e "s/\"\\$\{DEB_ARCH\[@\]\}\"/${deb_arch}/" "${dockerfile}-tmp"
    elif is_debian_slim "${variant}"; then
      sed -Ei -e "s/(debian:)name-slim/\\1${variant}/" "${dockerfile}-tmp"
      deb_arch=''
      local -a arches
      arches=$(jq -r ".\"${version}\".variants.\"${variant}\" | @sh" "versions.json")
      if [[ "${arches[0]}" == *"amd64"* ]]; then
        deb_arch+='amd64) ARCH='"'"'x64'"'"' OPENSSL_ARCH='"'"'linux-x86_64'"'"';; \\\n      '
      fi
      if [[ "${arches[0]}" == *"ppc64le"* ]]; then
        deb_arch+='ppc64el) ARCH='"'"'ppc64le'"'"' OPENSSL_ARCH='"'"'linux-ppc64le'"'"';; \\\n      '
      fi
      if [[ "${arches[0]}" == *"s390x"* ]]; then
        deb_arch+='s390x) ARCH='"'"'s390x'"'"' OPENSSL_ARCH='"'"'linux*-s390x'"'"';; \\\n      '
      fi
      if [[ "${arches[0]}" == *"arm64v8"* ]]; then
        deb_arch+='arm64) ARCH='"'"'arm64'"'"' OPENSSL_ARCH='"'"'linux-aarch64'"'"';; \\\n      '
      fi
      if [[ "${arches[0]}" == *"arm32v7"* ]]; then
        deb_arch+='armhf) ARCH='"'"'armv7l'"'"' OPENSSL_ARCH='"'"'linux-armv4'"'"';; \\\n      '
      fi
      # shellcheck disable=SC1003
      deb_arch+='*) echo "unsupported architecture"; exit 1 ;; \\'
      sed -Ei -e "s/\"\\$\{DEB_ARCH\[@\]\}\"/${deb_arch}/" "${dockerfile}-tmp"
    fi

    # Strip out Yarn v1 from Node 26+ images https://github.com/nodejs/docker-node/issues/2407
    # Can be removed from the image templates once Node 24 hits EOL on 2028-04-30
    if [ "${nodeVersion:0:2}" -ge "26" ]; then
      sed -Ei -e "/ENV YARN_VERSION/,/rm -rf \/tmp\/\*/d" "${dockerfile}-tmp"
    fi

    # Strip out rust/cargo from Alpine images for Node < 26 since these versions don't need rust/cargo for Temporal
    # See: https://github.com/nodejs/docker-node/pull/2488
    if [ "${nodeVersion:0:2}" -lt "26" ]; then
      sed -Ei -e "/rust/,/cargo/d" "${dockerfile}-tmp"
    fi

    if diff -q "${dockerfile}-tmp" "${dockerfile}" > /dev/null; then
      echo "${dockerfile} is already up to date!"
    else
      echo "${dockerfile} updated!"
    fi

    # Required for POSIX sed
    if [ -f "${dockerfile}-tmp-e" ]; then
      rm "${dockerfile}-tmp-e"
    fi

    # Guard the move because Alpine sometimes will be missing
    if [ -f "${dockerfile}-tmp" ]; then
      mv -f "${dockerfile}-tmp" "${dockerfile}"
    fi
  )
}

pids=()

for version in "${versions[@]}"; do
  parentpath=$(dirname "${version}")
  versionnum=$(basename "${version}")
  baseuri=$(get_config "${parentpath}" "baseuri")
  update_version=$(in_versions_to_update "${version}")

  [ "${update_version}" -eq 0 ] && info "Updating version ${version}..."

  # Get supported variants according the target architecture
  # See details in function.sh
  IFS=' ' read -ra variants <<< "$(get_variants "${parentpath}")"

  if [ -f "${version}/Dockerfile" ]; then
    if [ "${update_version}" -eq 0 ]; then
      update_node_version "${baseuri}" "${versionnum}" "${parentpath}/Dockerfile.template" "${version}/Dockerfile" &
      pids+=($!)
    fi
  fi

  for variant in "${variants[@]}"; do
    # Skip non-docker directories
    [ -f "${version}/${variant}/Dockerfile" ] || continue

    update_variant=$(in_variants_to_update "${variant}")
    template_file="${parentpath}/Dockerfile-${variant}.template"

    if is_debian "${variant}"; then
      template_file="${parentpath}/Dockerfile-debian.template"
    elif is_debian_slim "${variant}"; then
      template_file="${parentpath}/Dockerfile-slim.template"
    elif is_alpine "${variant}"; then
      template_file="${parentpath}/Dockerfile-alpine.template"
    fi

    cp "${parentpath}/docker-entrypoint.sh" "${version}/${variant}/docker-entrypoint.sh"
    if [ "${update_version}" -eq 0 ] && [ "${update_variant}" -eq 0 ]; then
      update_node_version "${baseuri}" "${versionnum}" "${template_file}" "${version}/${variant}/Dockerfile" "${variant}" &
      pids+=($!)
    fi
  done
done

# The reason we explicitly wait on each pid is so the return status of this script is set properly
# if one of the jobs fails. If we just called "wait", the exit status would always be 0
for pid in "${pids[@]}"; do
  wait "$pid"
done

info "Done!"
