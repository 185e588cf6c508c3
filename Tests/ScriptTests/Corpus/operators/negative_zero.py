z = -0.0
print(z, 0.0 == z, repr(z))
print(0.0 * -1, -0.0 + 0.0, -0.0 - 0.0)
print(abs(z), -z)
print(str(-0.0), f"{-0.0}", "%s" % -0.0)
print(round(-0.4), round(-0.4, 0))
print(-0.0 * 5, 0 * -5)
