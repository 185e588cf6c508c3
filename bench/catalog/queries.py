# Catalogue lookups, timed inside the cell language (no process start-up in the figures).
import time

def timed(label, fn, repeat=20):
    fn()
    best = None
    for i in range(repeat):
        t0 = time.perf_counter()
        fn()
        d = time.perf_counter() - t0
        best = d if best is None or d < best else best
    print(f"{label:34} {best * 1e3:8.3f} ms")

timed("len(catalog)", lambda: len(catalog))
timed("catalog[-1]", lambda: catalog[-1])
timed("catalog[scan_id]", lambda: catalog[50000])
timed("search(sample=...) -> 20 runs", lambda: [r.uid for r in catalog.search(sample="needle")])
timed("Regex search (anchored)", lambda: len(catalog.search(Regex("sample", "^needle$"))))
timed("Regex search (unanchored)", lambda: len(catalog.search(Regex("sample", "eedl"))))
timed("Regex search (no literal)", lambda: len(catalog.search(Regex("sample", "^.e{2}d.e$"))))
timed("FullText search", lambda: len(catalog.search(FullText("needle"))))
timed("last run's primary table", lambda: catalog[-1].primary.table())
