import math
print("math is available:", math.sqrt(4))
import beamtime_no_such_module
print("not reached")
