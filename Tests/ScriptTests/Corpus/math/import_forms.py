import math
from math import sqrt, pi
from math import floor as fl
print(sqrt(16), math.sqrt(2))
print(pi == math.pi, fl(2.7))
print(math.e)
print(math.pi)
