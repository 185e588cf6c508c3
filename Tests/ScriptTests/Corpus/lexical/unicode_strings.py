s = "héllo wörld"
print(s, len(s))
print(s.upper())
e = "日本語"
print(e, len(e), e[1])
m = "😀x"
print(len(m), m[0], m[1])
print("ß".upper(), "ÀÉÎ".lower())
print("é" == "\u00e9", "e\u0301" == "é", len("e\u0301"))
