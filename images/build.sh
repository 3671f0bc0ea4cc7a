#!/usr/bin/env bash
# Builds the local images that stand in for the official Synapse, nginx, Caddy and httpd images
# where no registry can be reached. Run it again at any time: an image is rebuilt only when the
# files of its folder (or the image it is built on) changed since it was last built.
#
#   images/build.sh             build what is missing or out of date, reuse the rest
#   images/build.sh --force     rebuild every image from scratch (no Docker build cache)
#
# Environment:
#   DOCKER                    Docker client to use (default: /usr/bin/docker if present, else docker)
#   MATRIXCORS_DEBIAN_MIRROR           Debian mirror for the base image (default: the one serving
#                                      bookworm in /etc/apt/sources.list*, else debootstrap's default)
#   MATRIXCORS_DEBIAN_SECURITY_MIRROR  mirror for bookworm-security (default: the one in
#                                      /etc/apt/sources.list*, else none)
#   MATRIXCORS_CA_CERTIFICATES         folder of extra trusted CA certificates (*.crt) for HTTPS
#                                      downloads during builds (default: /usr/local/share/ca-certificates)
set -euo pipefail

readonly IMAGES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly WORK_DIR="${IMAGES_DIR}/.build"
readonly LABEL="io.github.matrixcors.inputs"
readonly SUITE="bookworm"
readonly SYNAPSE_VERSION="1.163.2"
readonly LOCAL_CA_DIR="${MATRIXCORS_CA_CERTIFICATES:-/usr/local/share/ca-certificates}"

readonly BASE_IMAGE="matrix-cors/debian:${SUITE}"
# Name and folder of each image built FROM the base, in build order.
readonly IMAGES=(
    "matrix-cors/synapse:${SYNAPSE_VERSION} synapse"
    "matrix-cors/nginx:${SUITE} nginx"
    "matrix-cors/caddy:${SUITE} caddy"
    "matrix-cors/httpd:${SUITE} httpd"
)

if [[ -n "${DOCKER:-}" ]]; then
    docker_cli="${DOCKER}"
elif [[ -x /usr/bin/docker ]]; then
    docker_cli=/usr/bin/docker
else
    docker_cli=docker
fi

force=false
for arg in "$@"; do
    case "${arg}" in
        --force) force=true ;;
        -h | --help)
            sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "images/build.sh: unknown argument '${arg}'. Run images/build.sh --help for the usage." >&2
            exit 2
            ;;
    esac
done

log() { printf '[images] %s\n' "$*"; }
fail() {
    printf '[images] ERROR: %s\n' "$*" >&2
    exit 1
}

now() { date +%s.%N; }
elapsed() { awk -v start="$1" -v end="$(now)" 'BEGIN { printf "%.1f s", end - start }'; }

# Prints a SHA-256 over the names and contents of all files in a folder plus any extra strings.
inputs_hash() {
    local dir="$1"
    shift
    {
        (cd "${dir}" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
        printf '%s\n' "$@"
    } | sha256sum | cut -c1-64
}

# Prints the inputs label of an image, or nothing when the image does not exist.
image_label() {
    "${docker_cli}" image inspect --format "{{ index .Config.Labels \"${LABEL}\" }}" "$1" 2>/dev/null || true
}

image_id() {
    "${docker_cli}" image inspect --format '{{ .Id }}' "$1"
}

# Prints the URI that serves a suite (bookworm, bookworm-security) in this machine's apt sources.
find_mirror() {
    local suite="$1" file uri
    # deb822 files: a stanza with "Suites: ... bookworm ..." and its "URIs:" line.
    for file in /etc/apt/sources.list.d/*.sources; do
        [[ -f "${file}" ]] || continue
        uri="$(awk -v suite="${suite}" '
            /^[[:space:]]*$/ { if (uris != "" && found) { print uris; exit } uris = ""; found = 0; next }
            tolower($1) == "uris:" { uris = $2 }
            tolower($1) == "suites:" { for (i = 2; i <= NF; i++) if ($i == suite) found = 1 }
            END { if (uris != "" && found) print uris }' "${file}" | head -n 1)"
        if [[ -n "${uri}" ]]; then
            echo "${uri}"
            return
        fi
    done
    # One-line format: "deb [options] URI bookworm main".
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [[ -f "${file}" ]] || continue
        uri="$(awk -v suite="${suite}" '
            $1 == "deb" { n = 2; if ($2 ~ /^\[/) { while (n <= NF && $n !~ /\]$/) n++; n++ }
                          if ($(n + 1) == suite) { print $n; exit } }' "${file}")"
        if [[ -n "${uri}" ]]; then
            echo "${uri}"
            return
        fi
    done
}

check_docker() {
    command -v "${docker_cli}" >/dev/null 2>&1 \
        || fail "Docker client '${docker_cli}' not found. Install it (Debian: apt-get install docker.io) or set DOCKER to its path."
    local output
    if ! output="$("${docker_cli}" version --format '{{ .Server.Version }}' 2>&1)"; then
        fail "Docker engine not reachable through '${docker_cli}': $(sed '/^[[:space:]]*$/d' <<<"${output}")
Start it (for example 'systemctl start docker', or 'dockerd &' where there is no init system) or set DOCKER_HOST."
    fi
    log "Docker engine ${output}, client ${docker_cli}"
}

build_base() {
    local mirror security_mirror hash rootfs start
    mirror="${MATRIXCORS_DEBIAN_MIRROR:-$(find_mirror "${SUITE}")}"
    security_mirror="${MATRIXCORS_DEBIAN_SECURITY_MIRROR:-$(find_mirror "${SUITE}-security")}"
    hash="$(inputs_hash "${IMAGES_DIR}/debian" "suite=${SUITE}" "mirror=${mirror}" "security=${security_mirror}")"
    if [[ "${force}" == false && "$(image_label "${BASE_IMAGE}")" == "${hash}" ]]; then
        log "${BASE_IMAGE}: reused (inputs unchanged)"
        return
    fi

    command -v debootstrap >/dev/null 2>&1 \
        || fail "debootstrap not found, needed to build ${BASE_IMAGE}. Install it: apt-get install debootstrap"
    [[ "${EUID}" -eq 0 ]] || fail "debootstrap must run as root to build ${BASE_IMAGE}. Run images/build.sh as root (or with sudo)."

    rootfs="${WORK_DIR}/rootfs"
    rm -rf "${rootfs}"
    mkdir -p "${rootfs}"
    log "${BASE_IMAGE}: debootstrap --variant=minbase ${SUITE} from ${mirror:-the default mirror of debootstrap}"
    start="$(now)"
    # debootstrap takes the mirror as its third argument; none means its built-in default.
    if ! debootstrap --variant=minbase "${SUITE}" "${rootfs}" ${mirror:+"${mirror}"} >"${WORK_DIR}/debootstrap.log" 2>&1; then
        tail -n 30 "${WORK_DIR}/debootstrap.log" >&2
        fail "debootstrap failed (full log: ${WORK_DIR}/debootstrap.log). Check that the mirror '${mirror}' is reachable, or set MATRIXCORS_DEBIAN_MIRROR."
    fi
    log "${BASE_IMAGE}: debootstrap took $(elapsed "${start}")"

    start="$(now)"
    # With no mirror given, debootstrap used http://deb.debian.org/debian, its built-in default.
    bash "${IMAGES_DIR}/debian/finish-rootfs.sh" "${rootfs}" "${SUITE}" \
        "${mirror:-http://deb.debian.org/debian}" "${security_mirror}"
    local previous_id
    previous_id="$("${docker_cli}" image inspect --format '{{ .Id }}' "${BASE_IMAGE}" 2>/dev/null || true)"
    tar --numeric-owner -C "${rootfs}" -c . \
        | "${docker_cli}" import \
            --change "LABEL ${LABEL}=${hash}" \
            --change 'ENV LANG=C.UTF-8' \
            --change 'CMD ["bash"]' \
            - "${BASE_IMAGE}" >/dev/null
    remove_if_dangling "${previous_id}"
    rm -rf "${rootfs}"
    log "${BASE_IMAGE}: docker import took $(elapsed "${start}")"
}

# Copies an image's folder to a build context, adding this machine's locally trusted CA
# certificates when the Dockerfile refers to them (for HTTPS downloads behind an intercepting proxy).
stage_context() {
    local dir="$1" context="$2" certificate
    rm -rf "${context}"
    mkdir -p "$(dirname "${context}")"
    cp -a "${dir}" "${context}"
    if grep -q 'local-ca-certificates' "${dir}/Dockerfile"; then
        mkdir -p "${context}/local-ca-certificates"
        for certificate in "${LOCAL_CA_DIR}"/*.crt; do
            [[ -f "${certificate}" ]] && cp "${certificate}" "${context}/local-ca-certificates/"
        done
    fi
    return 0
}

# Builds one image FROM the base when its folder, the base or the added certificates changed.
build_image() {
    local name="$1" folder="$2" context="${WORK_DIR}/context/$2" hash start
    stage_context "${IMAGES_DIR}/${folder}" "${context}"
    hash="$(inputs_hash "${context}" "base=$(image_id "${BASE_IMAGE}")")"
    if [[ "${force}" == false && "$(image_label "${name}")" == "${hash}" ]]; then
        log "${name}: reused (inputs unchanged)"
        return
    fi

    log "${name}: building from images/${folder}/Dockerfile"
    start="$(now)"
    local previous_id
    previous_id="$("${docker_cli}" image inspect --format '{{ .Id }}' "${name}" 2>/dev/null || true)"
    local build_log="${WORK_DIR}/${folder}.log"
    local cache_option=()
    [[ "${force}" == true ]] && cache_option=(--no-cache)
    if ! "${docker_cli}" build "${cache_option[@]}" --force-rm --label "${LABEL}=${hash}" --tag "${name}" "${context}" >"${build_log}" 2>&1; then
        tail -n 40 "${build_log}" >&2
        fail "building ${name} failed (full log: ${build_log})."
    fi
    remove_if_dangling "${previous_id}"
    log "${name}: built in $(elapsed "${start}")"
}

# Removes the image this script built before under the same name, unless a container still uses it.
remove_if_dangling() {
    local id="$1"
    [[ -n "${id}" ]] || return 0
    if [[ -z "$("${docker_cli}" image inspect --format '{{ join .RepoTags "," }}' "${id}" 2>/dev/null)" ]]; then
        "${docker_cli}" image rm "${id}" >/dev/null 2>&1 || true
    fi
}

main() {
    local start
    start="$(now)"
    check_docker
    mkdir -p "${WORK_DIR}"

    # Concurrent runs, also from other clones, wait here so that they do not build the same image twice.
    exec 9>"${TMPDIR:-/tmp}/matrix-cors-images.lock"
    flock 9

    build_base
    local entry
    for entry in "${IMAGES[@]}"; do
        # shellcheck disable=SC2086 # entry is "name folder"
        build_image ${entry}
    done
    log "all images ready in $(elapsed "${start}")"
}

main
