# Float literal forms
print(1.5, .5, 5., 0.0)
print(1e3, 1E3, 1e-3, 1.5e+2)
print(1_000.0, 1_000.000_1, 1e1_0)
print(0e0, 00.5, 3.14159)
print(2.5e-7, 6.02e23, 1.0e-10)
print(type(1.0), type(1e0), type(1))
print(10 / 4, 1e2 == 100)
