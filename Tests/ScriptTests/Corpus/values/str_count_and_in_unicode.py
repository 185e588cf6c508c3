s = "naïve café"
print(len(s), s.count("é"), s.find("café"), "ï" in s)
print(s.upper(), s.title())
print(s[::-1])
print(s.replace("é", "e"), s.split("ï"))
