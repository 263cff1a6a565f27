# Downloads .deb packages from Debian's next suite (trixie) without touching the system's apt sources.
# Usage: trixie_download DEST_DIR PACKAGE...   (the .debs land in DEST_DIR)
trixie_download() {
  local dest=$1; shift
  local t
  t=$(mktemp -d)
  mkdir -p "$t/lists/partial" "$t/archives/partial" "$dest"
  local uri
  uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$uri" ] || uri=http://deb.debian.org/debian
  echo "deb $uri trixie main" > "$t/sources.list"
  local opts=(-q -o Dir::Etc::SourceList="$t/sources.list" -o Dir::Etc::SourceParts=/dev/null
              -o Dir::State::Lists="$t/lists" -o Dir::Cache::Archives="$t/archives"
              -o APT::Sandbox::User=root)
  apt-get "${opts[@]}" update >/dev/null
  (cd "$dest" && apt-get "${opts[@]}" download "$@" >/dev/null)
  rm -rf "$t"
}
