"""readability-lxml over every page of a folder (the baseline of make bench-scale)."""
import os, sys
from readability import Document
chars = 0
for f in sorted(os.listdir(sys.argv[1])):
    chars += len(Document(open(os.path.join(sys.argv[1], f), encoding="utf-8").read()).summary())
print(chars)
