vals = [(3.14159, ".2f"), (255, "x"), (1234567, ","), ("ab", ">5"), (0.5, "%"), (12, "08b")]
for v, spec in vals:
    a = format(v, spec)
    b = f"{v:{spec}}"
    print(repr(a), a == b)
print(repr(format(42)), repr(format("s")))
