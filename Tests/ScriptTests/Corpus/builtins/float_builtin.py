print(float("1.5"), float("  2.5  "), float("-3"), float("+4"))
print(float("1e3"), float("1E-3"), float(".5"), float("5."))
print(float("nan"), float("inf"), float("-inf"), float("+inf"))
print(float("NaN"), float("Infinity"), float("-INF"), float("iNf"))
print(float(3), float(True), float(-0), float("-0.0"))
print(float("1_000.5"), float(" 1e-5 "), float("123456789"))
print(float(), float("0.1"), float(9007199254740993))
for bad in ["", "abc", "1.2.3", "1e", "in f"]:
    try:
        float(bad)
    except ValueError:
        print(repr(bad), "ValueError")
