"""``python -m businesscase.cli``: the same as the ``businesscase`` command."""

from businesscase.cli import main

main()
