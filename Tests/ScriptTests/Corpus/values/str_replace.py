s = "one two one two one"
print(s.replace("one", "1"))
print(s.replace("one", "1", 2))
print(s.replace("one", "1", 0))
print(s.replace("three", "3"))
print("aaa".replace("a", "bb"))
print("abc".replace("", "-"))
print("a.b.c".replace(".", ""))
print("aaaa".replace("aa", "b"))
