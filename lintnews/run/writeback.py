"""Writing a fixed article back without losing anything.

``write_back`` puts the fixed bytes where the article's bytes were:

* through a symbolic link, into the file it points to (the link stays a link);
* never over a file that changed since it was read (another program saved it
  while the run went on): that file is left alone and reported;
* never into a read-only file, which is reported instead;
* for a file with one name, by writing a temporary file beside it and renaming
  it over the article, so a crash leaves the old text or the new, never half;
  the mode, owner and extended attributes are copied first;
* for a file with several hard links, in place, after a copy of the old bytes
  is safely on disk beside it, so every name keeps seeing the same file; if
  the write fails the old bytes are put back.

Temporary files are named ``.lintnews-<pid>-<random>.tmp`` (short, whatever
the article's name, and hidden from the folder walk). They are removed when
anything goes wrong; one left by a killed run (its process no longer exists)
is removed the next time ``fix`` writes in that folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat

from ..errors import InputError
from ..read.source import Source, file_identity

_TEMP = re.compile(r"\.lintnews-(\d+)-[0-9a-f]+\.tmp\Z")
_swept: set[str] = set()  # folders already cleared of stale temporary files by this process


class WriteError(InputError):
    """The fixed text could not be written; the article is as it was."""


def write_back(source: Source, data: bytes) -> None:
    path = source.path
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
    except OSError as exc:
        raise WriteError(path, f"cannot write: {exc.strerror or exc}; left unchanged") from None
    if not stat.S_ISREG(st.st_mode):
        raise WriteError(path, "no longer a regular file; left unchanged")
    if _changed(source, target, st):
        raise WriteError(path, "changed since it was read (saved by another program?); left unchanged")
    if not st.st_mode & 0o222:
        raise WriteError(path, "is read-only; left unchanged")
    folder = os.path.dirname(target) or "."
    _sweep(folder)
    try:
        if st.st_nlink > 1:
            _write_in_place(target, folder, data, source.data)
        else:
            _replace(target, folder, data, st)
    except OSError as exc:
        raise WriteError(path, f"cannot write: {exc.strerror or exc}; left unchanged") from None


def _changed(source: Source, target: str, st: os.stat_result) -> bool:
    if source.identity is None:
        return False
    if file_identity(st) != source.identity:
        return True
    if source.data is None:
        return False
    try:
        with open(target, "rb") as handle:
            return handle.read() != source.data
    except OSError:
        return True


def _temp(folder: str) -> tuple[int, str]:
    import secrets  # with hmac and random: only a run that writes

    for _ in range(100):
        name = os.path.join(folder, f".lintnews-{os.getpid()}-{secrets.token_hex(4)}.tmp")
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), name
        except FileExistsError:
            continue
    raise OSError(errno.EEXIST, "no free temporary file name")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.fsync(fd)


def _replace(target: str, folder: str, data: bytes, st: os.stat_result) -> None:
    fd, tmp = _temp(folder)
    try:
        try:
            _write_all(fd, data)
            _copy_metadata(fd, target, st)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(folder)


def _write_in_place(target: str, folder: str, data: bytes, old: bytes | None) -> None:
    """Overwrite a hard-linked file's bytes, with the old bytes kept aside until it is done."""
    if old is None:
        with open(target, "rb") as handle:
            old = handle.read()
    fd, backup = _temp(folder)
    try:
        try:
            _write_all(fd, old)
        finally:
            os.close(fd)
        out = os.open(target, os.O_WRONLY)
        try:
            try:
                os.ftruncate(out, 0)
                _write_all(out, data)
            except BaseException:
                os.lseek(out, 0, os.SEEK_SET)
                os.ftruncate(out, 0)
                _write_all(out, old)
                raise
        finally:
            os.close(out)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(backup)


def _copy_metadata(fd: int, target: str, st: os.stat_result) -> None:
    """Mode, owner and extended attributes of the article onto the file that replaces it."""
    os.fchmod(fd, stat.S_IMODE(st.st_mode))
    if hasattr(os, "fchown"):
        with contextlib.suppress(PermissionError):
            os.fchown(fd, st.st_uid, st.st_gid)
    if hasattr(os, "listxattr"):
        try:
            names = os.listxattr(target)
        except OSError:
            names = []
        for name in names:
            with contextlib.suppress(OSError):
                os.setxattr(fd, name, os.getxattr(target, name))


def _sync_folder(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _sweep(folder: str) -> None:
    """Remove temporary files that a killed ``fix`` left in ``folder`` (once per folder and process)."""
    if folder in _swept:
        return
    _swept.add(folder)
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        m = _TEMP.match(name)
        if m and not _alive(int(m.group(1))):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, name))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
