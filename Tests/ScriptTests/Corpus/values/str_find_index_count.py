s = "hello world, hello"
print(s.find("hello"), s.find("hello", 1), s.find("xyz"))
print(s.rfind("hello"), s.rfind("o"), s.rfind("xyz"))
print(s.index("world"), s.rindex("l"))
print(s.count("l"), s.count("hello"), s.count("xyz"), s.count(""))
print("aaaa".count("aa"), "abab".find("b", 2), s.find(""))
try:
    s.index("xyz")
except ValueError:
    print("index raises ValueError")
