# Parameters
crlf = "a\r\nb"
tabbed = "\tindent"
dq_only = "\""
sq_dq = "'\"'"
backslash_quote = "\\\""
percent = "100%"
braces = "{not} {format}"

for v in [crlf, tabbed, dq_only, sq_dq, backslash_quote, percent, braces]:
    print(repr(v), len(v))
