import math
for fn, arg in [(math.sqrt, -1), (math.log, 0), (math.log, -5), (math.log10, 0), (math.log2, -1)]:
    try:
        fn(arg)
        print("no error")
    except ValueError:
        print("ValueError")
print(math.sqrt(0.0), math.log(1))
