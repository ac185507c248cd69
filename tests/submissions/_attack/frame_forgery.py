# Sınıf 5: sonuç kanalına elle yazılmış çerçeveler: sınır dışı bir denetim numarası, olmayan bir
# tensöre başvuru ve 100.000 kat iç içe bir liste. Hepsi hızla ve açıkça reddedilmeli.
import os
import struct


def frame(text):
    body = text.encode()
    payload = struct.pack(">I", len(body)) + body
    return struct.pack(">I", len(payload)) + payload


os.write(3, frame('{"v": {"$dict": [["t", "result"], ["i", 1000000000], ["value", 1]]}, "tensors": []}'))
os.write(3, frame('{"v": {"$dict": [["t", "result"], ["i", 0], ["value", {"$t": 99}]]}, "tensors": []}'))
os.write(3, frame('{"v": ' + "[" * 100_000 + "]" * 100_000 + ', "tensors": []}'))
os.write(3, frame('{"v": {"$dict": [["t", "done"]]}, "tensors": []}'))
os._exit(0)


def softmax(x, dim=-1):
    return x
