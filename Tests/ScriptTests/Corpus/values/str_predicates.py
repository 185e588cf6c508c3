tests = ["123", "12.3", "abc", "aBc", "ABC", "abc123", " ", "", "\t\n", "ABC1", "123a", "Ab Cd"]
for t in tests:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower())
