# Recursive function calls: fib(25) = 242,785 calls per evaluation.
# Measures call/return overhead, argument binding, int compare/add.
# Evaluated REPEAT times so the run is long enough to time above startup noise.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


REPEAT = 20
total = 0
for _ in range(REPEAT):
    total += fib(25)
print(total // REPEAT)
