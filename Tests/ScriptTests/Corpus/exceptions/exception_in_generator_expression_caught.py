def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")
print([safe_div(1, b) for b in [1, 0, 2]])
try:
    print(sum(1 / b for b in [1, 2, 0]))
except ZeroDivisionError:
    print("generator raised inside sum")
