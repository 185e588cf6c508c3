# Same loop as loop.py but at module (cell) top level: globals instead of locals.
# Cell code in a notebook runs at top level, so this is the common case.

s = 0
for i in range(10_000_000):
    s += i * i % 1_000_003
print(s)
