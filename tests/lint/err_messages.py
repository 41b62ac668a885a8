#!/usr/bin/env python3
"""err_messages.py - every user-facing error message format in the C
sources has a Dutch form in the translation table (engine/base/err_nl*.c).

Usage: err_messages.py SOURCE_DIR [--list | --missing]

The script finds the calls of every function that takes an error message
format (err_set, err_set_pos, err_set_feature, err_prefix, err_oom, rcp_fail,
rcp_fail_found, rcp_error_at, expr_err_at, cmd_usage_error, fail_at, err_tr
...) in engine/ and plots/, takes the string literals of the format argument
(adjacent literals joined, both arms of a `? :`), and checks each against
the English column of the table, which it reads from the sources the same
way. A format that is only conversions and punctuation ("%s", "%s: %s")
carries no words and needs no entry. Exit 1, listing them, when a format has
no Dutch entry, so a new English-only message fails `ctest -R lint.err`.
It also fails on table entries that no call uses any more (stale Dutch).
"""
import os
import re
import sys

# function name -> 0-based index of its format argument
FORMAT_ARG = {
    "err_set": 4,
    "err_set_pos": 4,
    "err_set_feature": 4,
    "err_prefix": 0,
    "err_oom": 0,
    "err_tr": 0,
    "rcp_fail": 1,
    "rcp_fail_found": 1,
    "rcp_error_at": 2,
    "expr_err_at": 2,
    "cmd_usage_error": 0,
    "fail_at": 3,
    "ERR_TR": 0,
    "mem_grow": 4,      # its what goes to err_oom
    "mem_new": 1,       # likewise
    "fs_read_all": 3,   # likewise
    "run_stage_begin": 6,  # likewise
}

CALL_RE = re.compile(r"\b(" + "|".join(sorted(FORMAT_ARG, key=len, reverse=True))
                     + r")\s*\(")


def string_end(text, k):
    """The index just past the C string or character literal whose opening
    quote is at k (backslash escapes skipped)."""
    j, n = k + 1, len(text)
    while j < n and text[j] != text[k]:
        j += 2 if text[j] == "\\" else 1
    return j + 1


def c_pieces(text, k=0, comments=True):
    """Splits text from index k into (kind, start, end) pieces: "string" (a
    string or character literal), "comment" (only when comments is true;
    else a comment is read as plain characters) or "char" (one other
    character)."""
    n = len(text)
    while k < n:
        if text[k] == '"' or text[k] == "'":
            kind, j = "string", string_end(text, k)
        elif comments and text.startswith("/*", k):
            j = text.find("*/", k + 2)
            kind, j = "comment", n if j < 0 else j + 2
        elif comments and text.startswith("//", k):
            j = text.find("\n", k)
            kind, j = "comment", n if j < 0 else j
        else:
            kind, j = "char", k + 1
        yield kind, k, j
        k = j


def strip_comments(text):
    """The C text with comments blanked (string literals kept intact)."""
    return "".join(" " * (b - a) if kind == "comment" else text[a:b]
                   for kind, a, b in c_pieces(text))


def split_args(text, start):
    """The arguments (raw text) of the call whose '(' is at start-1."""
    args, depth, cur = [], 0, []
    for kind, a, b in c_pieces(text, start, comments=False):
        c = text[a]
        if kind == "char":
            if c in "([{":
                depth += 1
            elif c in ")]}":
                if depth == 0:
                    args.append("".join(cur))
                    return args
                depth -= 1
            elif c == "," and depth == 0:
                args.append("".join(cur))
                cur = []
                continue
        cur.append(text[a:b])
    return None


LIT_RE = re.compile(r'"((?:[^"\\]|\\.)*)"')


def unescape(s):
    """C string literal body -> text (the simple escapes the sources use;
    other characters, UTF-8 included, stay as they are)."""
    if "\\" not in s:
        return s
    simple = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'",
              "r": "\r", "0": "\0"}
    out, k = [], 0
    while k < len(s):
        if s[k] == "\\" and k + 1 < len(s):
            out.append(simple.get(s[k + 1], s[k + 1]))
            k += 2
        else:
            out.append(s[k])
            k += 1
    return "".join(out)


def literal_groups(arg):
    """The strings an argument can be: adjacent literals joined; the arms
    of a conditional are separate strings. [] when no literal at all."""
    groups, cur, last_end = [], [], None
    for m in LIT_RE.finditer(arg):
        between = arg[last_end:m.start()] if last_end is not None else ""
        if cur and between.strip() != "":
            groups.append("".join(cur))
            cur = []
        cur.append(unescape(m.group(1)))
        last_end = m.end()
    if cur:
        groups.append("".join(cur))
    return groups


def has_words(fmt):
    """Whether a format holds any letters outside its conversions."""
    bare = re.sub(r"%[-+ #0-9.*$]*[hlLqjzt]*[a-zA-Z%]", "", fmt)
    return re.search(r"[A-Za-z]{2,}", bare) is not None


def source_files(root):
    for top in ("engine", "plots"):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for f in sorted(files):
                if f.endswith(".c") or f.endswith(".h"):
                    yield os.path.join(dirpath, f)


def is_table_file(path):
    return re.search(r"err_nl[a-z_]*\.c$", path) is not None


def formats_in_code(root):
    """{format: [file:line, ...]} of every format with words; and a list of
    calls whose format argument is not a literal (for --list)."""
    found, dynamic = {}, []
    for path in source_files(root):
        if is_table_file(path) or path.endswith("err.h"):
            continue
        with open(path, encoding="utf-8") as f:
            text = strip_comments(f.read())
        for m in CALL_RE.finditer(text):
            name = m.group(1)
            # skip declarations/definitions: "int rcp_fail(const ..."
            args = split_args(text, m.end())
            if not args:
                continue
            idx = FORMAT_ARG[name]
            if idx >= len(args):
                continue
            arg = args[idx]
            if re.match(r"\s*const\s+char\b", arg):
                continue  # a prototype
            line = text.count("\n", 0, m.start()) + 1
            where = "%s:%d" % (os.path.relpath(path, root), line)
            groups = literal_groups(arg)
            if not groups:
                dynamic.append((where, name, arg.strip()))
            for g in groups:
                if has_words(g):
                    found.setdefault(g, []).append(where)
    return found, dynamic


HINT_RE = re.compile(r'\.hint\s*=\s*((?:"(?:[^"\\]|\\.)*"\s*)+)')


def hints_in_code(root):
    """The recipe schema's hints (`.hint = "..."`): messages show them
    through err_tr, so they need a Dutch form too."""
    found = {}
    for path in source_files(root):
        with open(path, encoding="utf-8") as f:
            text = strip_comments(f.read())
        for m in HINT_RE.finditer(text):
            h = "".join(unescape(x) for x in LIT_RE.findall(m.group(1)))
            line = text.count("\n", 0, m.start()) + 1
            found.setdefault(h, []).append("%s:%d" % (os.path.relpath(path, root), line))
    return found


def table_entries(root):
    """{english: dutch} from the table files."""
    entries = {}
    base = os.path.join(root, "engine", "base")
    for f in sorted(os.listdir(base)):
        if not is_table_file(f):
            continue
        with open(os.path.join(base, f), encoding="utf-8") as fh:
            text = strip_comments(fh.read())
        for m in re.finditer(r"\{\s*((?:\"(?:[^\"\\]|\\.)*\"\s*)+),\s*"
                             r"((?:\"(?:[^\"\\]|\\.)*\"\s*)+)\}", text):
            en = "".join(unescape(x) for x in LIT_RE.findall(m.group(1)))
            nl = "".join(unescape(x) for x in LIT_RE.findall(m.group(2)))
            entries[en] = nl
    return entries


def main():
    root = sys.argv[1]
    mode = sys.argv[2] if len(sys.argv) > 2 else ""
    found, dynamic = formats_in_code(root)
    for h, where in hints_in_code(root).items():
        found.setdefault(h, []).extend(where)
    table = table_entries(root)
    if mode == "--list":
        for fmt in sorted(found):
            print("%s\t%s" % (found[fmt][0], fmt))
        for where, name, arg in dynamic:
            print("DYNAMIC %s %s(%s)" % (where, name, arg[:60]),
                  file=sys.stderr)
        return 0
    missing = [f for f in sorted(found) if f not in table]
    if mode == "--missing":
        for f in missing:
            print(repr(f)[1:-1].replace('"', '\\"') + "\t" + found[f][0])
        return 0
    stale = [e for e in sorted(table) if e not in found]
    ok = True
    print("%d message formats in the code, %d Dutch table entries"
          % (len(found), len(table)))
    if len(found) < 300:
        print("FAIL: too few formats found; the extractor is broken")
        ok = False
    for f in missing:
        print("FAIL: no Dutch form for %r (%s)" % (f, ", ".join(found[f][:3])))
        ok = False
    for e in stale:
        print("FAIL: table entry no longer used in the code: %r" % e)
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
