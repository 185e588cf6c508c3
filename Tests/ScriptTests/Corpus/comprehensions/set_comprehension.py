s = {x % 4 for x in range(20)}
print(sorted(s), len(s))
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
firsts = {w[0] for w in words}
print(sorted(firsts))
print({n for n in range(5)})
print(type({x for x in []}))
