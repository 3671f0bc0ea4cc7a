#!/usr/bin/env bash
# Prepares a debootstrapped root file system for use as a container image.
#
#   finish-rootfs.sh ROOTFS SUITE MIRROR [SECURITY_MIRROR]
set -euo pipefail

rootfs="$1"
suite="$2"
mirror="$3"
security_mirror="${4:-}"

{
    echo "deb ${mirror} ${suite} main"
    echo "deb ${mirror} ${suite}-updates main"
    if [[ -n "${security_mirror}" ]]; then
        echo "deb ${security_mirror} ${suite}-security main"
    fi
} >"${rootfs}/etc/apt/sources.list"

# Package scripts must not try to start services inside an image build.
cat >"${rootfs}/usr/sbin/policy-rc.d" <<'POLICY'
#!/bin/sh
exit 101
POLICY
chmod 755 "${rootfs}/usr/sbin/policy-rc.d"

# Keep images small: no downloaded .deb files, no documentation.
cat >"${rootfs}/etc/apt/apt.conf.d/90matrix-cors" <<'APT'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb || true"; };
APT
cat >"${rootfs}/etc/dpkg/dpkg.cfg.d/90matrix-cors" <<'DPKG'
path-exclude /usr/share/doc/*
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-include /usr/share/doc/*/copyright
DPKG

# The host's name resolution is supplied by Docker at run time.
: >"${rootfs}/etc/resolv.conf"
rm -f "${rootfs}/etc/hostname"

rm -rf "${rootfs}"/var/lib/apt/lists/* "${rootfs}"/var/cache/apt/*.bin "${rootfs}"/var/cache/apt/archives/*.deb \
    "${rootfs}"/var/log/*.log "${rootfs}"/tmp/* "${rootfs}"/var/tmp/*
