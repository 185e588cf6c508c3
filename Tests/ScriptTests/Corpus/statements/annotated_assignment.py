x: int = 5
name: str = "probe"
ratio: float = 0.5
print(x, name, ratio)
x: int = x + 1
print(x)
def f(n):
    total: int = 0
    for i in range(n):
        total += i
    return total
print(f(5))
