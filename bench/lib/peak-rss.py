#!/usr/bin/env python3
"""Peak RSS of a short-lived command, read exactly at its end.

ptybench samples each process's VmHWM every 20 ms while it runs; `node -e` lives about 60 ms
and its status is gone once it exits, so a run's reading was whatever the last sample before
the exit saw: 41.3, 39.3, 28.0 and 27.2 MiB in four runs of the same floor (its VmHWM at exit
is 41.5-41.6). wait4's ru_maxrss is that same high-water mark, taken by the kernel at exit.

usage: peak-rss.py COLS ROWS RUNS -- ARGV...   prints one JSON line: {"kib": [per run]}
Each run gets its own pseudo-terminal of COLS x ROWS, as ptybench gives it.
"""
import fcntl, json, os, pty, struct, sys, termios


def one_run(argv, cols, rows):
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    try:
        while True:
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:  # EIO: the child's side closed
                break
    finally:
        os.close(fd)
    _, status, usage = os.wait4(pid, 0)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        raise SystemExit("peak-rss.py: %s ended with status %d" % (argv[0], status))
    return usage.ru_maxrss  # KiB on Linux


def main():
    if len(sys.argv) < 6 or sys.argv[4] != "--":
        raise SystemExit("usage: peak-rss.py COLS ROWS RUNS -- ARGV...")
    cols, rows, runs = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    argv = sys.argv[5:]
    print(json.dumps({"kib": [one_run(argv, cols, rows) for _ in range(runs)]}))


main()
