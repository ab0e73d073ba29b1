"""The kernel's cost of creating a file where a benchmark writes, and waiting for it to settle.

On this project's machines the root file system is ext4 without a journal. There, the kernel
does not reuse an inode freed in the last 60 seconds, or 360 while its inode table block is not
yet written back (RECENTCY_MIN and RECENTCY_DIRTY in fs/ext4/ialloc.c; here dirty blocks are
written back within about 35 s, vm.dirty_expire_centisecs + dirty_writeback_centisecs, so 60 to
95 s in practice). Each new file's allocation walks past every such inode ahead of the first
free one in its block group, reading each one's deletion time: `recently_deleted`,
`find_get_block_common` and `find_inode_bit` were 70 % of `perf record`'s samples of a loop
creating files in a slow phase. So right after thousands of files were deleted nearby (a
previous benchmark's temporary directory, or `rm -rf out/`), creating a file costs up to 1.2 ms
of CPU instead of 0.05 ms, and a command that writes 1,000 digests pays a second for what the
previous command did.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

# At quiet times a create costs 0.05-0.13 ms here; with recently freed inodes nearby, 0.3-1.2.
SETTLED_MS = 0.2
# Longest the kernel skips a freed inode here (95 s), and a margin: a cost that lasts longer has
# another cause, and waiting would not help.
LONGEST_WAIT_S = 150.0


def create_cost(parent: Path, files: int = 200) -> float:
    """CPU milliseconds the kernel takes to create, write and rename one file in a new directory
    under parent, as digests are written (render.write_atomic). Deletes nothing: a deletion
    would itself slow the creates that follow."""
    probe = Path(tempfile.mkdtemp(prefix="probe-", dir=parent))
    data = b"x" * 6000  # about a digest's size
    started = time.thread_time()
    for i in range(files):
        temp, final = probe / f".{i:016x}.json.tmp", probe / f"{i:016x}.json"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        os.write(fd, data)
        os.close(fd)
        os.replace(temp, final)
    return (time.thread_time() - started) / files * 1000


def settle(parent: Path, *, longest: float = LONGEST_WAIT_S) -> float:
    """Wait until creating a file under parent costs no more than at quiet times (or `longest`
    seconds have passed), so the timings measure the code, not what ran before; the last cost."""
    deadline = time.monotonic() + longest
    cost = create_cost(parent)
    if cost > SETTLED_MS:
        print(f"creating a file under {parent} costs {cost:.2f} ms of CPU (quiet: under "
              f"{SETTLED_MS} ms), as after many deletions there; waiting up to {longest:.0f} s "
              f"for the kernel to reuse the freed inodes", file=sys.stderr)  # fmt: skip
    while cost > SETTLED_MS and time.monotonic() < deadline:
        time.sleep(15)
        cost = create_cost(parent)
    return cost
