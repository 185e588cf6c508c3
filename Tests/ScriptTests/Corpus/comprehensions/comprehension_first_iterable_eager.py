def items():
    print("items() called once")
    return [1, 2, 3]
print([x for x in items()])
calls = 0
def inner_range(n):
    global calls
    calls += 1
    return range(n)
print([(a, b) for a in range(3) for b in inner_range(a)])
print("inner iterable evaluated", calls, "times")
