s = "  \t hello \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "abcba".strip("ab"))
print("www.example.com".lstrip("w."), "file.txt.bak".rstrip(".bak"))
print(repr("".strip()), repr("   ".strip()))
print("12300".rstrip("0"), "00123".lstrip("0"))
