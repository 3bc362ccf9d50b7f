"""``python -m tavoitteet``; guarded so that worker processes started by spawn (Windows) do not rerun the CLI."""

from tavoitteet.launch import main

if __name__ == "__main__":
    main()
