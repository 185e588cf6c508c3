x = 5
assert x == 5
assert x > 0, "x must be positive"
try:
    assert x < 0, "x must be negative"
except AssertionError as e:
    print("assertion failed:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("bare assertion:", repr(e), e.args)
try:
    assert [], f"empty list {x}"
except AssertionError as e:
    print(str(e))
