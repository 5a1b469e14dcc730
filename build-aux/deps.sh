# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by build-aux/run and build-aux/test: installs the Debian packages
# Scorecard needs to build, run and test, when any are missing.

# Building and running.
SC_BUILD_PACKAGES=(
  gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libcairo2-dev libpango1.0-dev libxml2-dev libzip-dev
  desktop-file-utils gsettings-desktop-schemas adwaita-icon-theme fonts-cantarell
)

# Testing: validators, a headless display, and the tools the tests call.
SC_TEST_PACKAGES=(
  appstream xvfb xauth dbus dbus-x11 xdotool python3 sqlite3 poppler-utils
  clang libclang-rt-14-dev
)

sc_install_packages ()
{
  local missing=() sudo=()

  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
      || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  if ! command -v apt-get >/dev/null; then
    echo "Scorecard needs these packages, and this is not a Debian system: ${missing[*]}" >&2
    return 1
  fi
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  echo "Installing: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
}
