def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(500))
def sum_list(xs):
    return 0 if not xs else xs[0] + sum_list(xs[1:])
print(sum_list(list(range(200))))
