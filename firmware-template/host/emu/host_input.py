"""The host's side of the console: bytes from a file descriptor (stdin), read by a thread as they come."""
import os
import threading


class HostInput:
    def __init__(self, fd=None):
        self.buf = bytearray()
        self.lock = threading.Lock()
        self.arrived = threading.Event()
        self.eof = fd is None
        if fd is not None:
            threading.Thread(target=self._read, args=(fd,), daemon=True).start()

    def _read(self, fd):
        while True:
            chunk = os.read(fd, 4096)
            with self.lock:
                if not chunk:
                    self.eof = True
                self.buf += chunk
                self.arrived.set()
            if not chunk:
                return

    def pending(self):
        return len(self.buf) > 0

    def take(self, n):
        with self.lock:
            out = bytes(self.buf[:n])
            del self.buf[:n]
            if not self.buf:
                self.arrived.clear()
            return out

    def wait(self, seconds):
        """Blocks until bytes arrive, the input ends or `seconds` pass; True when bytes are waiting."""
        if not self.buf and not self.eof:
            self.arrived.wait(seconds)
        return self.pending()
