def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
def hello(name):
    return "hi " + name
hello3 = repeat(3)(hello)
print(hello3("x"))
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
def slow_sq(n):
    print("computing", n)
    return n * n
fast = memo(slow_sq)
print(fast(4), fast(4), fast(5))
