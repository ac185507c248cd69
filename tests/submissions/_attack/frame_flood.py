# Sınıf 5: sonsuz sayıda küçük, geçerli çerçeve gönderir.
import json
import os
import struct

body = json.dumps({"v": {"$dict": [["t", "start"], ["i", 0]]}, "tensors": []}).encode()
payload = struct.pack(">I", len(body)) + body
chunk = (struct.pack(">I", len(payload)) + payload) * 1000
while True:
    os.write(3, chunk)


def softmax(x, dim=-1):
    return x
