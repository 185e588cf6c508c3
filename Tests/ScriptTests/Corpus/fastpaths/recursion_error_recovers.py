# RecursionError deep in a recursion, caught, and the same function used again normally.
def down(n):
    return down(n + 1)


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError", type(e).__name__)
print(depth(50), depth(10), depth(0))
try:
    down(0)
except RecursionError:
    print("again")
print(depth(100))
