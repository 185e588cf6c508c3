for s in ["plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "new\nline",
          "tab\t", "\r", "\x00\x01\x1f\x7f", "é", "日本", "😀", "\xa0", "\u200b", "\x80", "\ufeff",
          "\\n", "'", '"', "''", "\"'"]:
    print(repr(s))
