words = "the cat and the hat and the bat".split()
unique = {w for w in words}
print(len(unique), sorted(unique))
seen = set()
ordered = [w for w in words if not (w in seen or seen.add(w))]
print(ordered)
