scores = {"ann": 3, "bob": 5, "cy": 4}
for name, score in scores.items():
    print(f"{name}: {score}")
pairs = [(1, "one"), (2, "two")]
for num, word in pairs:
    print(num * 2, word.upper())
for a, b, c in ["abc", "def"]:
    print(c, b, a)
