"""The ``lintnews`` command: a thin layer over :mod:`lintnews.run` and the API.

One module per family of commands: ``lint`` (check, fix), ``info`` (config,
init, rules, kinds), ``batch`` (archive records); ``common`` holds the
options and flow check and fix share.
"""

from __future__ import annotations

import gc
import importlib
import os
import signal
import sys
import threading

import click

from ..report.text import visible
from ..version import __version__
from .lint import check, fix

# Commands imported when named (or listed): ``batch`` brings the archive readers, writers and Dask's
# client code, which ``check`` and ``fix`` never use; ``info``'s commands the LanguageTool client, the
# rule pages and the starter files (5 ms of a one-article check). Command name -> (module, attribute).
_LAZY = {"batch": ("batch", "batch"), "config": ("info", "config_cmd"), "init": ("info", "init"),
         "kinds": ("info", "kinds"), "rules": ("info", "rules")}


class _Main(click.Group):
    """The command group, with the run's last line of defence.

    A bug that escapes everything else is one line on standard error and
    exit 2 (the traceback with LINTNEWS_DEBUG=1); a closed pipe on standard
    output ends the run quietly; SIGTERM unwinds like Ctrl-C, so ``fix``
    removes its temporary file.
    """

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        # The process's own `check` or `fix` (the console script, `python -m lintnews`) ends without the
        # interpreter's teardown, which frees the loaded rules, tables and modules one object at a time:
        # 25 ms of a 172 ms one-article check. `_leave` first does what of it matters.
        own = args is None and standalone_mode and len(sys.argv) > 1 and sys.argv[1] in _LEAVE_FAST and _is_command()
        try:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        except SystemExit as done:
            if not own:
                raise
            _leave(done.code)

    def get_command(self, ctx, name):
        if name in _LAZY and name not in self.commands:
            module, attribute = _LAZY[name]
            self.add_command(getattr(importlib.import_module(f"{__name__}.{module}"), attribute), name)
        return super().get_command(ctx, name)

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(_LAZY))

    def invoke(self, ctx):
        # Few objects a run makes are cyclic garbage (489 over 400 articles), but with Python's default
        # thresholds the collector walks the young objects every 700 allocations and the loaded rules
        # and data again and again: 5% to 7% of a run's CPU. Collections stay, much less often.
        gc.set_threshold(100_000, 50, 1000)
        if threading.current_thread() is threading.main_thread():  # signal handlers live there only
            signal.signal(signal.SIGTERM, _terminate)
        for name, said in (("stdout", "output"), ("stderr", "error")):
            if getattr(sys, name) is None:  # started with the descriptor closed
                setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the run
                click.echo(f"warning: standard {said} is closed; what lintnews writes there is lost", err=True)
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort,
                SystemExit, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            _quiet_stdout()
            ctx.exit(2)
        except Exception as exc:  # noqa: BLE001
            if os.environ.get("LINTNEWS_DEBUG"):
                raise
            click.echo(f"error: internal error ({type(exc).__name__}: {visible(str(exc))}); "
                       "run with LINTNEWS_DEBUG=1 for the traceback and please report it", err=True)
            ctx.exit(2)


def _terminate(signum, frame):
    sys.exit(128 + signum)


_LEAVE_FAST = ("check", "fix")  # commands that start no threads or servers of their own to wait for


def _is_command() -> bool:
    """Whether this process is the lintnews command itself: the console script, or ``python -m lintnews``
    (not a program that calls ``main``, which may have more to do after it)."""
    top = sys.modules.get("__main__")
    spec = getattr(top, "__spec__", None)
    return (getattr(spec, "name", None) == "lintnews.__main__"
            or os.path.basename(getattr(top, "__file__", None) or "") in ("lintnews", "lintnews.exe"))


def _leave(code) -> None:
    """Exit with ``code`` as ``sys.exit`` would, but without tearing the interpreter down: the atexit
    handlers run (the compiled-pattern store is saved, a LanguageTool server stopped), both streams
    are flushed (a closed pipe: exit 2, quietly, as in ``_Main.invoke``), then the process ends."""
    import atexit

    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:
            _quiet_stdout()
            code = 2
        except (OSError, ValueError):
            code = code or 120  # what the interpreter returns when it cannot flush standard output
    os._exit(code or 0)


def _quiet_stdout() -> None:
    """After a broken pipe, point standard output at /dev/null so exiting does not raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lintnews")
def main():
    """lintnews: an editorial linter and normalizer for news articles."""


for command in (check, fix):
    main.add_command(command)
