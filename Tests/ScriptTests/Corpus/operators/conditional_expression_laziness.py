def boom():
    raise ValueError("should not run")
x = 5
print("pos" if x > 0 else boom())
print(boom() if x < 0 else "safe")
print(x > 0 and "and-short" or boom())
vals = [0, 1, "", "a", None, [1]]
print([("T" if v else "F") for v in vals])
