"""``python -m businesscase``: the same as the ``businesscase`` command."""

from businesscase.cli import main

main()
