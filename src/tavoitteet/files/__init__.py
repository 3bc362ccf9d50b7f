"""The file layer: the only modules that read or write goal files, caches and worker processes."""
