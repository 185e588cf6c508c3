# Parameters
latin = "caf\xe9 cr\xe8me"
angstrom = "\xc5 = 1e-10 m"
greek = "\u03b8-2\u03b8 scan"
emoji = "beam \U0001f600 on"
cjk = "\u8a66\u6599"
nbsp = "a\xa0b"
ctrl = "bell\x07"

print(repr(latin))
print(repr(angstrom))
print(repr(greek))
print(repr(emoji))
print(repr(cjk))
print(repr(nbsp))
print(repr(ctrl))
