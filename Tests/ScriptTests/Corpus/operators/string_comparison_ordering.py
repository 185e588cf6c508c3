words = ["banana", "Apple", "cherry", "apple", "Banana", "10", "9", ""]
print(sorted(words))
print("a" < "B", "a".upper() < "B")
print(min("hello"), max("hello"))
print("é" > "z", "Z" < "a")
