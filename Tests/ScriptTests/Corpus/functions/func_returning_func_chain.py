def adder(a):
    def add_b(b):
        def add_c(c):
            return a + b + c
        return add_c
    return add_b
print(adder(1)(2)(3))
step = adder("x")
print(step("y")("z"))
