"""Importing goal tables as they exist today (tab-separated text, CSV, .xlsx, .docx).

The pipeline: :mod:`.readers` turn a file into rows of cells, :mod:`.columns`
recognises the header, :mod:`.table` builds goals, actions and indicators from
the rows (with :mod:`.targets` reading the target wordings and :mod:`.ids`
naming everything), and :mod:`.emit` writes the result as YAML text.  Only the
readers touch files; everything else is pure.
"""
