#!/bin/sh
# The disk's own figures, to set the store benchmarks against (see README.md):
#   sequential write bandwidth  dd bs=1M count=1024 oflag=direct   (page cache bypassed)
#   sequential read bandwidth   dd bs=1M iflag=direct of the same file
#   synchronous writes/s        dd bs=4k count=2000 oflag=dsync     (each 4 KiB write waits for the disk,
#                               as an fdatasync would: the fsyncs per second the disk allows)
# Usage: benchmarks/disk-baseline.sh [directory on the disk to measure (benchmarks/target)]
set -eu
dir=${1:-benchmarks/target}
mkdir -p "$dir"
file=$(mktemp "$dir/disk-baseline.XXXXXX")
trap 'rm -f "$file"' EXIT

# dd's last stderr line: "<bytes> bytes (...) copied, <seconds> s, <rate>"
run() {
    dd "$@" 2>&1 >/dev/null | tail -n 1
}
seconds() {
    sed -E 's/.* copied, ([0-9.]+) s,.*/\1/'
}

write=$(run if=/dev/zero of="$file" bs=1M count=1024 oflag=direct conv=fsync)
read=$(run if="$file" of=/dev/null bs=1M iflag=direct)
rm -f "$file"
dsync=$(run if=/dev/zero of="$file" bs=4k count=2000 oflag=dsync)

echo "disk under $(cd "$dir" && pwd) ($(df -P "$dir" | awk 'NR == 2 { print $1 }'))"
echo "sequential write, 1 GiB, bs=1M, oflag=direct: $write" | awk -v s="$(echo "$write" | seconds)" \
    '{ print; printf "  -> %.1f MiB/s\n", 1024 / s }'
echo "sequential read,  1 GiB, bs=1M, iflag=direct: $read" | awk -v s="$(echo "$read" | seconds)" \
    '{ print; printf "  -> %.1f MiB/s (1 GiB read in %.2f s)\n", 1024 / s, s }'
echo "synchronous 4 KiB writes, 2000, oflag=dsync: $dsync" | awk -v s="$(echo "$dsync" | seconds)" \
    '{ print; printf "  -> %.0f fsyncs/s, %.3f ms each\n", 2000 / s, s * 1000 / 2000 }'
