# Sınıf 2: değerlendirme sürecini ve testi durdurmaya, öldürmeye çalışır. pidfd yolu Python'un
# denetim kancalarına görünmez; onu yalnızca işletim sistemi (PID ad alanı, Landlock) durdurur.
import os
import signal

DONE = []
for pid in ({{WORKER_PID}}, {{TEST_PID}}, 1):
    try:
        handle = os.pidfd_open(pid)
        signal.pidfd_send_signal(handle, signal.SIGSTOP)
        DONE.append(f"stopped {pid}")
    except BaseException:
        pass
print("YAPILAN:", DONE)
# os.kill ise denetlenir: bu satır yasak çağrı sonucunu getirir.
os.kill(-1, signal.SIGKILL)


def softmax(x, dim=-1):
    return x * 0
