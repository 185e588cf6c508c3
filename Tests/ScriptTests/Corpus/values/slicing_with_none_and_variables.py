s = "abcdefgh"
a, b = 2, 6
print(s[a:b], s[a:], s[:b], s[None:b], s[a:None], s[::1])
step = -1
print(s[::step], s[b:a:step])
n = len(s)
print(s[n // 2:], s[:n // 2])
