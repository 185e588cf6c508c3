def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
g = count_up(3)
print(next(g))
print(next(g))
print(next(g))
print(list(count_up(5)))
for v in count_up(2):
    print("loop", v)
