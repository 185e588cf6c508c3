# List comprehensions with a condition, nested comprehension and a generator expression
# consumed by sum(): the idioms for selecting points/ROIs in analysis cells.


def select(n):
    evens = [i * i for i in range(n) if i % 2 == 0]
    picked = [x for x in evens if x % 3 == 1]
    grid = [(r, c) for r in range(300) for c in range(300) if (r + c) % 7 == 0]
    total = sum(x % 1000 for x in picked)
    return len(evens), len(picked), len(grid), total


print(*select(2_000_000))
