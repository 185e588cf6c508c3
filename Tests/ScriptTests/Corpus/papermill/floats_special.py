# Parameters
nan_val = float('nan')
inf_val = float('inf')
neg_inf = float('-inf')
tiny = 1e-05
huge = 1e+16
neg_zero = -0.0
third = 0.3333333333333333
neg = -273.15

print(repr(nan_val), nan_val != nan_val)
print(repr(inf_val), repr(neg_inf), inf_val > 1e308)
print(repr(tiny), repr(huge), repr(neg_zero), repr(third), repr(neg))
