s = {1, 1.0, True, "1", (1,)}
print(len(s))
print(1 in s, "1" in s, (1,) in s, 2 in s)
words = set("the quick brown the lazy quick".split())
print(sorted(words))
print(sorted({-3, 10, 0, -1}))
