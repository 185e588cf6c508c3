import math
print(math.sqrt(2), math.sqrt(0), math.sqrt(1e-10), math.sqrt(144))
print(math.exp(0), math.exp(1), math.exp(-1))
print(math.log(1), math.log(math.e), math.log(100, 10), math.log(8, 2))
print(math.log10(1000), math.log10(0.001), math.log2(1024), math.log2(0.5))
print(f"{math.exp(2.5):.12f} {math.log(7):.12f}")
