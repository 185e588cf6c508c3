m = 9223372036854775807
print(f"{m}")
print(f"{m:x} {m:#o}")
print(f"{-m:,}")
print(f"{m:>25}|")
print(f"{m:e}")
print(f"{2 ** 40:_b}")
print(f"{0xFFFF:_x} {1234567:_d}")
