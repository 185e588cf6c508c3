values = [
    1,  # first
    2,
    # a comment line inside brackets
    3,
]
print(values)
d = {
    "a": 1,
        "b": 2,
  "c": 3}
print(d)
total = (1 +
    2
        + 3)
print(total)
print(max(4,
          9,
          2))
t = (
)
print(t)
