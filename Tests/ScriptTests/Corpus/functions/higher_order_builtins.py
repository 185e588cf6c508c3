def square(x):
    return x * x
def is_odd(x):
    return x % 2 == 1
nums = range(1, 8)
print(list(map(square, nums)))
print(list(filter(is_odd, nums)))
print(list(map(square, filter(is_odd, nums))))
print(sorted(nums, key=lambda n: (n % 3, -n)))
print(max(nums, key=lambda n: n % 4))
print(min(["pear", "fig", "apple"], key=len))
