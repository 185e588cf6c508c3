def parse(tok):
    return int(tok) if tok.isdigit() else tok
print([parse(t) for t in "a 1 b 22 c".split()])
print([s.strip().title() for s in ["  alpha ", "beta  ", " gamma"]])
print({k.lower(): len(k) for k in ["ONE", "Three"]})
print([max(p) for p in [(1, 5), (7, 2), (3, 3)]])
