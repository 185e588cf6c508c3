lst = [3, 1, 4, 1, 5, 9, 2, 6]
r = lst.sort()
print(r, lst)
lst.sort(reverse=True)
print(lst)
words = ["pear", "Fig", "apple", "kiwi"]
words.sort()
print(words)
words.sort(key=len)
print(words)
words.sort(key=lambda w: w.lower(), reverse=True)
print(words)
words.reverse()
print(words)
