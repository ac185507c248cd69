# Sınıf 2: kullanıcının erişebildiği her şeye uzanır: paketi, ilerleme kaydını, başka bir
# öğrencinin dosyasını, değerlendirme sürecinin soketini değiştirmeye çalışır. Önce işletim
# sisteminin durdurması gerekenler, en sonda da (ayrıca denetlenen) bir soket denemesi.
import os
import sqlite3

DONE = []


def attempt(label, action):
    try:
        action()
        DONE.append(label)
    except BaseException:
        pass


def append(path):
    with open(path, "a") as handle:
        handle.write("\n# değiştirildi\n")


attempt("grader", lambda: append("{{PACK}}/graders/tensorler/softmax.py"))
attempt("pack.yaml", lambda: append("{{PACK}}/pack.yaml"))
attempt("db-delete", lambda: sqlite3.connect("{{HOME}}/ilerleme.sqlite3").execute("DELETE FROM attempts"))
attempt("db-remove", lambda: os.remove("{{HOME}}/ilerleme.sqlite3"))
attempt("other-read", lambda: open("{{OTHER}}").read())
attempt("other-write", lambda: append("{{OTHER}}"))
attempt("socket-unlink", lambda: os.unlink("{{SOCKET}}"))
attempt("socket-rename", lambda: os.rename("{{SOCKET}}", "{{SOCKET}}.eski"))
attempt("key-read", lambda: open("{{KEY}}").read())
attempt("tmp-write", lambda: open("/tmp/tutor-saldiri.txt", "w").write("x"))
print("YAPILAN:", DONE)


def softmax(x, dim=-1):
    return x * 0
