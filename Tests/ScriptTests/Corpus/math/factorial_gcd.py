import math
print([math.factorial(i) for i in range(8)])
print(math.factorial(20))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(0, 0), math.gcd(-4, 6), math.gcd(17, 5))
print(math.gcd(2 ** 40, 6 ** 20))
try:
    math.factorial(-1)
except ValueError:
    print("factorial of negative")
