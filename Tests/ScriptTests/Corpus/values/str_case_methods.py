s = "hello WORLD, it's 3pm"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print("hELLO".capitalize(), "o'neil mc-donald".title())
print("ABC".lower().upper(), "".upper())
