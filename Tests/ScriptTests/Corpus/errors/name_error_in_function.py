def compute(x):
    return x * scale_factor
print("before call")
print(compute(2))
